package org.commitmentledger.command.claim;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmentledger.events.ClaimRecorded;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A claim as it was made. Claims are recorded once; checking them against the figures is the query side's job. */
@Aggregate
class Claim {

    @AggregateIdentifier
    private String streamId;

    Claim() {
    }

    @CommandHandler
    Claim(RecordClaim command) {
        apply(command.claim());
    }

    @EventSourcingHandler
    void on(ClaimRecorded event) {
        streamId = event.streamId();
    }
}
