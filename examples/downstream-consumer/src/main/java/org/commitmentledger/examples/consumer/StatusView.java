package org.commitmentledger.examples.consumer;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A downstream view: how many commitments stand at each status. Built from the commitments topic alone, with the
 * ledger's rule: a commitment's status is that of its latest report still counting (by effective date, then by the
 * order the reports were made), a correction replaces a report's values, a retraction removes it, and a commitment
 * without reports has not started.
 * <p>
 * Delivery is at least once, so the view remembers every {@code ce_id} it applied and ignores a re-sent event. A real
 * service would keep those ids (or the last stream sequence per key) in the same transaction as its view.
 */
public final class StatusView {

    static final String NOT_STARTED = "NOT_STARTED";

    private final Set<String> applied = new HashSet<>();
    private final Map<String, Map<String, Report>> reportsByCommitment = new HashMap<>();

    private record Report(LocalDate effectiveOn, long reportedSequence, String status, boolean retracted) {
    }

    /**
     * Applies one event of the commitments topic; false if it was a re-send of an event already applied.
     *
     * @param type     the {@code ce_type} header, e.g. {@code org.commitmentledger.ProgressReported.v1}
     * @param sequence the {@code ce_streamsequence} header: the event's place in its commitment's history
     */
    public boolean apply(String eventId, String type, long sequence, JsonNode event) {
        if (!applied.add(eventId)) {
            return false;
        }
        String commitment = event.get("commitmentId").asString();
        Map<String, Report> reports = reportsByCommitment.computeIfAbsent(commitment, id -> new HashMap<>());
        String name = type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1, type.lastIndexOf('.'));
        switch (name) {
            case "ProgressReported" -> reports.put(reportId(event), new Report(
                    LocalDate.parse(event.get("effectiveOn").asString()), sequence,
                    event.get("status").asString(), false));
            case "ProgressReportCorrected" -> reports.computeIfPresent(reportId(event), (id, report) -> new Report(
                    LocalDate.parse(event.get("effectiveOn").asString()), report.reportedSequence(),
                    event.get("status").asString(), report.retracted()));
            case "ProgressReportRetracted" -> reports.computeIfPresent(reportId(event), (id, report) -> new Report(
                    report.effectiveOn(), report.reportedSequence(), report.status(), true));
            default -> {
                // made, revised, reaffirmed, withdrawn: the commitment counts, its status does not change
            }
        }
        return true;
    }

    /** How many distinct events the view has applied. */
    public long applied() {
        return applied.size();
    }

    /** Commitments per status, statuses in alphabetical order. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        reportsByCommitment.values().forEach(reports -> counts.merge(status(reports), 1L, Long::sum));
        return counts;
    }

    private static String status(Map<String, Report> reports) {
        return reports.values().stream()
                .filter(report -> !report.retracted())
                .max(Comparator.comparing(Report::effectiveOn).thenComparingLong(Report::reportedSequence))
                .map(Report::status)
                .orElse(NOT_STARTED);
    }

    private static String reportId(JsonNode event) {
        return event.get("reportId").asString();
    }
}
