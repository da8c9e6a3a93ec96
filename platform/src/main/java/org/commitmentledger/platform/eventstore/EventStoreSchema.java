package org.commitmentledger.platform.eventstore;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The event store's tables live in a schema of their own with their own migration history, so that either service
 * can create them, whichever starts first, next to its own schema. Not a {@link Flyway} bean: that would switch off
 * the service's own migrations.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "event_store";

    private EventStoreSchema() {
    }

    public static EventStoreSchema migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        return new EventStoreSchema();
    }
}
