package org.commitmentledger.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.LedgerEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * Appends events to the real event store the way the command service does, one stream at a time in sequence, so a
 * query-service test can set up any history.
 */
public final class LedgerEvents {

    private final EventStore eventStore;
    private final Map<String, Long> sequences = new HashMap<>();

    public LedgerEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public void record(LedgerEvent... events) {
        recordWith(Map.of(), events);
    }

    /** Records the events with metadata, such as the principal and correlation id the command service adds. */
    public void recordWith(Map<String, ?> metaData, LedgerEvent... events) {
        for (LedgerEvent event : events) {
            long sequence = sequences.merge(event.streamId(), 1L, Long::sum) - 1;
            String type = event instanceof CommitmentEvent ? "Commitment" : event.getClass().getSimpleName();
            eventStore.publish(new GenericDomainEventMessage<>(type, event.streamId(), sequence, event, metaData));
        }
    }
}
