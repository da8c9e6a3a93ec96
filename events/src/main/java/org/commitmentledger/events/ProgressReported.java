package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monitor's assessment of a commitment as of {@code effectiveOn}. {@code quantity} is cumulative toward the
 * commitment's target, when it has one; {@code quantityAsWritten} keeps the figure as the source printed it and
 * {@code quantityUncertain} says the printed figure is garbled or ambiguous.
 */
@Revision("1")
public record ProgressReported(
        CommitmentId commitmentId,
        ReportId reportId,
        LocalDate effectiveOn,
        ProgressStatus status,
        BigDecimal quantity,
        String quantityAsWritten,
        boolean quantityUncertain,
        String summary,
        Source source,
        String assessor) implements CommitmentEvent {
}
