package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) ReportId reportId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        @JsonProperty(required = true) ProgressStatus status,
        BigDecimal quantity,
        String quantityAsWritten,
        boolean quantityUncertain,
        @JsonProperty(required = true) String summary,
        @JsonProperty(required = true) Source source,
        String assessor) implements CommitmentEvent {
}
