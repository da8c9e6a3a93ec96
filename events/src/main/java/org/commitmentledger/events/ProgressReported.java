package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monitor's assessment of a commitment as of {@code effectiveOn}. {@code quantity} is cumulative toward the
 * commitment's target, when it has one.
 */
@Revision("1")
public record ProgressReported(
        CommitmentId commitmentId,
        ReportId reportId,
        LocalDate effectiveOn,
        ProgressStatus status,
        BigDecimal quantity,
        String summary,
        Source source,
        String assessor) implements CommitmentEvent {
}
