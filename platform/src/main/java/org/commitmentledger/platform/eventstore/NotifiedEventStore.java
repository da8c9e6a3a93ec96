package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's event store over the ledger's storage engine, with tracking streams that read when events have been
 * appended instead of on a timer.
 * <p>
 * Axon's {@code EmbeddedEventStore} polls the log and its streams cannot tell a pooled processor that events arrived,
 * so a caught-up processor looked again only every 500 ms. Here each stream is told to look again by
 * {@link AppendNotifications}, which hears of appends from every process through PostgreSQL, and passes that on to
 * its processor.
 */
final class NotifiedEventStore extends AbstractEventStore {

    private final AppendNotifications appends;

    private NotifiedEventStore(Builder builder, AppendNotifications appends) {
        super(builder);
        this.appends = appends;
    }

    static NotifiedEventStore create(EventStorageEngine storageEngine,
                                     MessageMonitor<? super EventMessage<?>> messageMonitor,
                                     EventBusSpanFactory spanFactory, AppendNotifications appends) {
        Builder builder = new Builder();
        builder.storageEngine(storageEngine).messageMonitor(messageMonitor).spanFactory(spanFactory);
        return new NotifiedEventStore(builder, appends);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        NotifiedEventStream stream = new NotifiedEventStream(storageEngine(), trackingToken);
        stream.onClose(appends.subscribe(stream::lookAgain)::cancel);
        return stream;
    }

    private static final class Builder extends AbstractEventStore.Builder {
    }
}
