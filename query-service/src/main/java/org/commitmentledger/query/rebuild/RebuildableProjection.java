package org.commitmentledger.query.rebuild;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;

/**
 * A projection that can be built again from the event log into a next generation of its tables while its live tables
 * keep answering reads.
 */
public interface RebuildableProjection {

    /** The name of the streaming processor that keeps the live tables up to date. */
    String processorName();

    /** The live tables, schema-qualified; the next generation of each is the same name with {@code _next}. */
    List<String> tables();

    /**
     * The events it applies, of this type: the others are passed over without being read, as most of the log is
     * events of other projections.
     */
    Class<?> eventType();

    /** Applies one event, of {@link #eventType()}, to the next generation of the tables. */
    void applyToNext(TrackedEventMessage<?> event, long position);
}
