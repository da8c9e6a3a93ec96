package org.commitmentledger.query.commitment;

import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.CommitmentRevised;
import org.commitmentledger.events.CommitmentWithdrawn;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReportRetracted;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a commitment stands once a set of its events counts. {@link #apply} gives the same state whatever order the
 * events come in: every field keeps the value of the event that wins by a fixed rule (latest effective date, then
 * latest recorded position for revisions; latest recorded position for the values of a report), and counters count.
 * That is what lets the read model insert a backdated event in the middle of a commitment's history by applying it
 * to every later state, and lets a replay of the raw events reach the same answer.
 */
record CommitmentState(
        String id,
        String title,
        String description,
        List<String> parties,
        String category,
        LocalDate madeOn,
        Target target,
        LocalDate dueBy,
        Source source,
        Map<String, Key> revisedBy,
        Map<String, Report> reports,
        int reaffirmations,
        Withdrawal withdrawal,
        long version,
        long lastPosition) {

    /** Orders facts: by effective date, then by the order they were recorded in. */
    record Key(LocalDate effectiveOn, long position) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::effectiveOn).thenComparingLong(Key::position).compare(this, other);
        }
    }

    record Report(String reportId, LocalDate effectiveOn, ProgressStatus status, BigDecimal quantity,
                  String quantityAsWritten, boolean quantityUncertain, String summary, Source source,
                  String assessor, long valuesPosition, long reportedPosition, boolean retracted) {

        Key key() {
            return new Key(effectiveOn, reportedPosition);
        }
    }

    record Withdrawal(LocalDate effectiveOn, String reason, Source source, long position) {
    }

    static CommitmentState apply(CommitmentState state, CommitmentEvent event, long sequence, long position) {
        if (event instanceof CommitmentMade made) {
            return new CommitmentState(made.commitmentId().value(), made.title(), made.description(),
                    made.parties().stream().map(party -> party.code()).toList(), made.category().name(),
                    made.madeOn(), made.target(), made.dueBy(), made.source(), Map.of(), Map.of(), 0, null,
                    sequence, position);
        }
        if (state == null) {
            throw new IllegalStateException("event " + event + " before its commitment was made");
        }
        CommitmentState next = state.counted(sequence, position);
        if (event instanceof CommitmentRevised revised) {
            return next.revised(revised, new Key(revised.effectiveOn(), position));
        }
        if (event instanceof CommitmentReaffirmed) {
            return next.with(next.reports, next.reaffirmations + 1, next.withdrawal);
        }
        if (event instanceof CommitmentWithdrawn withdrawn) {
            Withdrawal candidate = new Withdrawal(withdrawn.effectiveOn(), withdrawn.reason(), withdrawn.source(),
                                                  position);
            boolean earlier = next.withdrawal == null
                    || new Key(candidate.effectiveOn(), position)
                    .compareTo(new Key(next.withdrawal.effectiveOn(), next.withdrawal.position())) < 0;
            return earlier ? next.with(next.reports, next.reaffirmations, candidate) : next;
        }
        if (event instanceof ProgressReported reported) {
            return next.withReport(reported.reportId().value(), existing -> {
                Report original = new Report(reported.reportId().value(), reported.effectiveOn(), reported.status(),
                        reported.quantity(), reported.quantityAsWritten(), reported.quantityUncertain(),
                        reported.summary(), reported.source(), reported.assessor(), position, position, false);
                if (existing == null) {
                    return original;
                }
                Report merged = existing.valuesPosition() > position ? existing : original;
                return new Report(merged.reportId(), merged.effectiveOn(), merged.status(), merged.quantity(),
                        merged.quantityAsWritten(), merged.quantityUncertain(), merged.summary(), merged.source(),
                        merged.assessor(), merged.valuesPosition(), position, existing.retracted());
            });
        }
        if (event instanceof ProgressReportCorrected corrected) {
            return next.withReport(corrected.reportId().value(), existing -> {
                if (existing != null && existing.valuesPosition() > position) {
                    return existing;
                }
                return new Report(corrected.reportId().value(), corrected.effectiveOn(), corrected.status(),
                        corrected.quantity(), corrected.quantityAsWritten(), corrected.quantityUncertain(),
                        corrected.summary(), corrected.source(), corrected.assessor(), position,
                        existing == null ? position : existing.reportedPosition(),
                        existing != null && existing.retracted());
            });
        }
        if (event instanceof ProgressReportRetracted retracted) {
            return next.withReport(retracted.reportId().value(), existing -> existing == null
                    ? new Report(retracted.reportId().value(), retracted.effectiveOn(), null, null, null, false, null,
                                 null, null, -1, position, true)
                    : new Report(existing.reportId(), existing.effectiveOn(), existing.status(), existing.quantity(),
                                 existing.quantityAsWritten(), existing.quantityUncertain(), existing.summary(),
                                 existing.source(), existing.assessor(), existing.valuesPosition(),
                                 existing.reportedPosition(), true));
        }
        throw new IllegalArgumentException("unknown commitment event " + event.getClass().getName());
    }

    /** The latest live report by effective date (then by recording order); retracted reports no longer count. */
    Optional<Report> latestReport() {
        return reports.values().stream()
                .filter(report -> !report.retracted() && report.status() != null)
                .max(Comparator.comparing(Report::key));
    }

    ProgressStatus status() {
        return latestReport().map(Report::status).orElse(ProgressStatus.NOT_STARTED);
    }

    boolean withdrawn() {
        return withdrawal != null;
    }

    boolean overdueOn(LocalDate day) {
        return dueBy != null && dueBy.isBefore(day) && status() != ProgressStatus.FULFILLED && !withdrawn();
    }

    /** The quantity of the latest live report that gives one, as a share of the target. */
    Optional<BigDecimal> progressQuantity() {
        return reports.values().stream()
                .filter(report -> !report.retracted() && report.quantity() != null)
                .max(Comparator.comparing(Report::key))
                .map(Report::quantity);
    }

    Optional<BigDecimal> progressPercent() {
        if (target == null || target.quantity() == null || target.quantity().signum() == 0) {
            return Optional.empty();
        }
        return progressQuantity().map(quantity -> quantity.multiply(BigDecimal.valueOf(100))
                .divide(target.quantity(), 1, RoundingMode.HALF_UP));
    }

    private CommitmentState counted(long sequence, long position) {
        return new CommitmentState(id, title, description, parties, category, madeOn, target, dueBy, source,
                revisedBy, reports, reaffirmations, withdrawal, Math.max(version, sequence),
                Math.max(lastPosition, position));
    }

    private CommitmentState revised(CommitmentRevised revised, Key key) {
        Map<String, Key> keys = new TreeMap<>(revisedBy);
        String newTitle = wins(keys, "title", revised.title(), key) ? revised.title() : title;
        String newDescription = wins(keys, "description", revised.description(), key)
                ? revised.description() : description;
        Target newTarget = wins(keys, "target", revised.target(), key) ? revised.target() : target;
        LocalDate newDueBy = wins(keys, "dueBy", revised.dueBy(), key) ? revised.dueBy() : dueBy;
        return new CommitmentState(id, newTitle, newDescription, parties, category, madeOn, newTarget, newDueBy,
                source, Map.copyOf(keys), reports, reaffirmations, withdrawal, version, lastPosition);
    }

    private static boolean wins(Map<String, Key> keys, String field, Object value, Key key) {
        if (value == null) {
            return false;
        }
        Key current = keys.get(field);
        if (current != null && current.compareTo(key) > 0) {
            return false;
        }
        keys.put(field, key);
        return true;
    }

    private CommitmentState withReport(String reportId, java.util.function.UnaryOperator<Report> change) {
        Map<String, Report> next = new TreeMap<>(reports);
        next.put(reportId, change.apply(reports.get(reportId)));
        return with(Map.copyOf(next), reaffirmations, withdrawal);
    }

    private CommitmentState with(Map<String, Report> newReports, int newReaffirmations, Withdrawal newWithdrawal) {
        return new CommitmentState(id, title, description, parties, category, madeOn, target, dueBy, source,
                revisedBy, newReports, newReaffirmations, newWithdrawal, version, lastPosition);
    }
}
