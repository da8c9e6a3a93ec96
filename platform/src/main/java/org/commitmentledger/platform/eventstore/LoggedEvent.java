package org.commitmentledger.platform.eventstore;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the event log as an auditor sees it: the event as stored, with everything recorded about it.
 *
 * @param position     the global position (the order of appends; see {@link EventLog} for the delivery order)
 * @param payload      the event as stored, JSON
 * @param metaData     who, correlation and causation ids, as stored, JSON
 * @param hash         the event's link in its stream's hash chain, hex
 */
public record LoggedEvent(
        long position,
        String eventId,
        String streamType,
        String streamId,
        long sequence,
        String payloadType,
        String payloadRevision,
        String payload,
        String metaData,
        Instant recordedAt,
        LocalDate effectiveOn,
        String hash) {
}
