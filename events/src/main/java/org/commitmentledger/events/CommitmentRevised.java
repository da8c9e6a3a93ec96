package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The wording, target or due date of a commitment changed. Fields left null keep their previous value; the event
 * records the new value only.
 */
@Revision("1")
public record CommitmentRevised(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) LocalDate effectiveOn,
        String title,
        String description,
        Target target,
        LocalDate dueBy,
        @JsonProperty(required = true) Source source,
        @JsonProperty(required = true) String reason) implements CommitmentEvent {
}
