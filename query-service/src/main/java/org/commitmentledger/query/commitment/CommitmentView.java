package org.commitmentledger.query.commitment;

import org.commitmentledger.events.Source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A commitment as a reader sees it at one point of both time axes. */
record CommitmentView(
        String id,
        String title,
        String description,
        List<String> parties,
        String category,
        String status,
        boolean withdrawn,
        LatestReport latestReport,
        Progress progress,
        LocalDate madeOn,
        LocalDate dueBy,
        boolean overdue,
        int reaffirmations,
        Source source,
        long version,
        long position) {

    record LatestReport(String reportId, LocalDate effectiveOn, String status, String summary, Source source) {
    }

    /** Progress toward a quantitative target: the latest reported quantity, the target, the share reached. */
    record Progress(BigDecimal quantity, BigDecimal target, String unit, BigDecimal percent, boolean uncertain) {
    }

    static CommitmentView of(CommitmentState state, LocalDate asOf) {
        LatestReport latest = state.latestReport()
                .map(report -> new LatestReport(report.reportId(), report.effectiveOn(), report.status().name(),
                                                report.summary(), report.source()))
                .orElse(null);
        Progress progress = state.target() == null ? null : new Progress(
                state.progressQuantity().orElse(null), state.target().quantity(), state.target().unit(),
                state.progressPercent().orElse(null), state.target().uncertain());
        return new CommitmentView(state.id(), state.title(), state.description(), state.parties(), state.category(),
                                  state.status().name(), state.withdrawn(), latest, progress, state.madeOn(),
                                  state.dueBy(), state.overdueOn(asOf), state.reaffirmations(), state.source(),
                                  state.version(), state.lastPosition());
    }
}
