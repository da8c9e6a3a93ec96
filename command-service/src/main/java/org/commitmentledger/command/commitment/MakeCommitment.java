package org.commitmentledger.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;

import java.time.LocalDate;
import java.util.List;

record MakeCommitment(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        String title,
        String description,
        List<Party> parties,
        Category category,
        LocalDate madeOn,
        Target target,
        LocalDate dueBy,
        Source source) {
}
