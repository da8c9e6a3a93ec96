package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The commitment no longer holds: abandoned, superseded or formally ended. */
@Revision("1")
public record CommitmentWithdrawn(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        @JsonProperty(required = true) Source source,
        @JsonProperty(required = true) String reason) implements CommitmentEvent {
}
