package org.commitmentledger.command.claim;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmentledger.events.ClaimRecorded;

record RecordClaim(@TargetAggregateIdentifier String streamId, ClaimRecorded claim) {
}
