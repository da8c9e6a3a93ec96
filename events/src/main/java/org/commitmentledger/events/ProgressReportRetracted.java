package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An earlier report (and any correction of it) no longer counts. */
@Revision("1")
public record ProgressReportRetracted(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) ReportId reportId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        Source source,
        @JsonProperty(required = true) String reason) implements CommitmentEvent {
}
