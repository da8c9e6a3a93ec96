package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Replaces an earlier report (named by {@code reportId}) with the values given here. The earlier report stays on
 * record; readers take the latest correction in its place.
 */
@Revision("1")
public record ProgressReportCorrected(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) ReportId reportId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        @JsonProperty(required = true) ProgressStatus status,
        BigDecimal quantity,
        String quantityAsWritten,
        boolean quantityUncertain,
        @JsonProperty(required = true) String summary,
        @JsonProperty(required = true) Source source,
        String assessor,
        @JsonProperty(required = true) String reason) implements CommitmentEvent {
}
