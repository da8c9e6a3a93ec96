package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A later statement reaffirmed the commitment. */
@Revision("1")
public record CommitmentReaffirmed(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        @JsonProperty(required = true) Source source,
        String reason) implements CommitmentEvent {
}
