package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A party or parties committed to something; the commitment takes effect on {@code madeOn}. */
@Revision("1")
public record CommitmentMade(
        @JsonProperty(required = true) CommitmentId commitmentId,
        @JsonProperty(required = true) String title,
        String description,
        @JsonProperty(required = true) List<Party> parties,
        @JsonProperty(required = true) Category category,
        @JsonProperty(required = true) LocalDate madeOn,
        Target target,
        LocalDate dueBy,
        @JsonProperty(required = true) Source source) implements CommitmentEvent {

    public CommitmentMade {
        parties = List.copyOf(parties);
    }

    @Override
    public LocalDate effectiveOn() {
        return madeOn;
    }
}
