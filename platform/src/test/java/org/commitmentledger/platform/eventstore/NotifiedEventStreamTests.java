package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NotifiedEventStreamTests {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final NotifiedEventStream stream = new NotifiedEventStream(storage, null);

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void readsWhatTheLogHoldsWhenOpened() throws InterruptedException {
        storage.appendEvents(GenericEventMessage.asEventMessage("first"));

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    @Test
    void readsAgainOnlyWhenToldTo() throws InterruptedException {
        assertThat(stream.hasNextAvailable()).isFalse();
        storage.appendEvents(GenericEventMessage.asEventMessage("appended"));

        assertThat(stream.hasNextAvailable()).isFalse();
        stream.lookAgain();

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("appended");
    }

    @Test
    void continuesAfterTheLastEventItHandedOut() throws InterruptedException {
        storage.appendEvents(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
        stream.nextAvailable();
        stream.nextAvailable();
        storage.appendEvents(GenericEventMessage.asEventMessage("third"));

        stream.lookAgain();

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("third");
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    @Test
    void callsItsReaderBackWhenToldToLookAgain() {
        AtomicInteger callbacks = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();

        stream.lookAgain();

        assertThat(callbacks).hasValue(1);
    }

    @Test
    void aReaderWaitingForTheNextEventGetsItOnceToldToLookAgain() {
        assertThat(stream.hasNextAvailable()).isFalse();
        CompletableFuture<TrackedEventMessage<?>> next = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.nextAvailable();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        storage.appendEvents(GenericEventMessage.asEventMessage("appended"));
        stream.lookAgain();

        assertThat(next).succeedsWithin(Duration.ofSeconds(10))
                .extracting(TrackedEventMessage::getPayload).isEqualTo("appended");
    }
}
