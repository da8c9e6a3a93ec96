package org.commitmentledger.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps commitment status on both time axes. Runs in the transaction that also stores the processor's token, so each
 * event is applied exactly once, even across crashes.
 */
@Component
@ProcessingGroup(CommitmentProjection.PROCESSOR)
class CommitmentProjection implements RebuildableProjection {

    static final String PROCESSOR = "commitment-status";

    private final CommitmentVersions versions;

    CommitmentProjection(CommitmentVersions versions) {
        this.versions = versions;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message, TrackingToken token) {
        versions.apply(CommitmentTables.LIVE, event, message, token.position().orElseThrow());
    }

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @Override
    public List<String> tables() {
        return List.of(CommitmentTables.LIVE.versions(), CommitmentTables.LIVE.events());
    }

    @Override
    public Class<?> eventType() {
        return CommitmentEvent.class;
    }

    @Override
    public void applyToNext(TrackedEventMessage<?> event, long position) {
        versions.apply(CommitmentTables.NEXT, (CommitmentEvent) event.getPayload(), (DomainEventMessage<?>) event,
                       position);
    }
}
