package org.commitmentledger.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param batchSize          events read per query, for aggregates and for streaming processors
 * @param heldBackRecheck    how soon to look again for the events of a transaction that committed while an older one
 *                           was still running: they become readable when that one ends, which nobody notifies
 * @param tokenTable         the service's own token table, schema-qualified (each service tracks its own processors)
 * @param checkpointEvery    write a checkpoint once this many events are final since the last one; 0: this service
 *                           writes none
 * @param checkpointInterval how often to look whether a checkpoint is due
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("10ms") Duration heldBackRecheck,
        String tokenTable,
        @DefaultValue("0") long checkpointEvery,
        @DefaultValue("10s") Duration checkpointInterval) {

    public EventStoreProperties {
        if (tokenTable == null || tokenTable.isBlank()) {
            throw new IllegalArgumentException("ledger.event-store.token-table must name the service's token table");
        }
    }
}
