package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Replaces an earlier report (named by {@code reportId}) with the values given here. The earlier report stays on
 * record; readers take the latest correction in its place.
 */
@Revision("1")
public record ProgressReportCorrected(
        CommitmentId commitmentId,
        ReportId reportId,
        LocalDate effectiveOn,
        ProgressStatus status,
        BigDecimal quantity,
        String quantityAsWritten,
        boolean quantityUncertain,
        String summary,
        Source source,
        String assessor,
        String reason) implements CommitmentEvent {
}
