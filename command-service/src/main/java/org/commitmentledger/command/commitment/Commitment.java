package org.commitmentledger.command.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A commitment one or more parties made: decides what may be recorded about it. */
@Aggregate
class Commitment {

    @AggregateIdentifier
    private CommitmentId commitmentId;

    Commitment() {
    }

    @CommandHandler
    Commitment(MakeCommitment command) {
        apply(new CommitmentMade(command.commitmentId(), command.title(), command.description(), command.parties(),
                                 command.category(), command.madeOn(), command.target(), command.dueBy(),
                                 command.source()));
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        commitmentId = event.commitmentId();
    }
}
