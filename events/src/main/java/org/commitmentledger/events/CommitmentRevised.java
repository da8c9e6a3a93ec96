package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The wording, target or due date of a commitment changed. Fields left null keep their previous value; the event
 * records the new value only.
 */
@Revision("1")
public record CommitmentRevised(
        CommitmentId commitmentId,
        LocalDate effectiveOn,
        String title,
        String description,
        Target target,
        LocalDate dueBy,
        Source source,
        String reason) implements CommitmentEvent {
}
