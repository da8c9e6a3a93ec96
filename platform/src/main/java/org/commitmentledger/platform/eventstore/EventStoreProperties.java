package org.commitmentledger.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param batchSize          events read per query, for aggregates and for streaming processors
 * @param lookAgainInterval  the least time between two looks of the streams for appended events (what is appended
 *                           sooner waits for it), and how often to look again for the events of a transaction that
 *                           committed while an older one still runs: they become readable when that one ends, which
 *                           nobody notifies
 * @param tokenTable         the service's own token table, schema-qualified (each service tracks its own processors)
 * @param checkpointEvery    write a checkpoint once this many events are final since the last one; 0: this service
 *                           writes none
 * @param checkpointInterval how often to look whether a checkpoint is due
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("10ms") Duration lookAgainInterval,
        String tokenTable,
        @DefaultValue("0") long checkpointEvery,
        @DefaultValue("10s") Duration checkpointInterval) {

    public EventStoreProperties {
        if (lookAgainInterval.isNegative() || lookAgainInterval.isZero()) {
            throw new IllegalArgumentException("ledger.event-store.look-again-interval must be positive");
        }
        if (tokenTable == null || tokenTable.isBlank()) {
            throw new IllegalArgumentException("ledger.event-store.token-table must name the service's token table");
        }
    }
}
