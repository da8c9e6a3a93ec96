package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A tracking stream that reads the log when told to look again, and tells its reader so: a pooled processor that has
 * caught up then waits for the callback instead of asking again every half second. What a look reads is decided by
 * the token alone, as for any tracking read.
 * <p>
 * One thread reads; {@link #lookAgain()} may come from any.
 */
final class NotifiedEventStream implements TrackingEventStream {

    private final EventStorageEngine storage;
    private final Object signal = new Object();
    private boolean told = true;
    private volatile Runnable onAvailable = () -> {
    };
    private volatile Runnable onClose = () -> {
    };
    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> reading;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private TrackedEventMessage<?> next;

    NotifiedEventStream(EventStorageEngine storage, TrackingToken from) {
        this.storage = storage;
        this.lastToken = from;
    }

    void lookAgain() {
        synchronized (signal) {
            told = true;
            signal.notifyAll();
        }
        onAvailable.run();
    }

    void onClose(Runnable action) {
        onClose = action;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(next) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!readAhead()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (signal) {
                if (!told) {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                }
            }
        }
        return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!readAhead()) {
            synchronized (signal) {
                while (!told) {
                    signal.wait();
                }
            }
        }
        TrackedEventMessage<?> event = next;
        next = null;
        return event;
    }

    /**
     * Holds the next event in {@code next} if there is one. A read goes on batch by batch until the log has no more;
     * after that the log is read again only when told to, from the last event handed out.
     */
    private boolean readAhead() {
        if (next != null) {
            return true;
        }
        if (events == null) {
            synchronized (signal) {
                if (!told) {
                    return false;
                }
                told = false;
            }
            reading = storage.readEvents(lastToken, false);
            events = reading.iterator();
        }
        if (events.hasNext()) {
            next = events.next();
            lastToken = next.trackingToken();
            return true;
        }
        endReading();
        return false;
    }

    private void endReading() {
        if (reading != null) {
            reading.close();
        }
        reading = null;
        events = null;
    }

    @Override
    public void close() {
        endReading();
        onClose.run();
    }
}
