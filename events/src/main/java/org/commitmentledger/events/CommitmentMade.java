package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A party or parties committed to something; the commitment takes effect on {@code madeOn}. */
@Revision("1")
public record CommitmentMade(
        CommitmentId commitmentId,
        String title,
        String description,
        List<Party> parties,
        Category category,
        LocalDate madeOn,
        Target target,
        LocalDate dueBy,
        Source source) implements CommitmentEvent {

    public CommitmentMade {
        parties = List.copyOf(parties);
    }

    @Override
    public LocalDate effectiveOn() {
        return madeOn;
    }
}
