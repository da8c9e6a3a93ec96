package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A later statement reaffirmed the commitment. */
@Revision("1")
public record CommitmentReaffirmed(
        CommitmentId commitmentId,
        LocalDate effectiveOn,
        Source source,
        String reason) implements CommitmentEvent {
}
