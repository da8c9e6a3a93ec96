package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The commitment no longer holds: abandoned, superseded or formally ended. */
@Revision("1")
public record CommitmentWithdrawn(
        CommitmentId commitmentId,
        LocalDate effectiveOn,
        Source source,
        String reason) implements CommitmentEvent {
}
