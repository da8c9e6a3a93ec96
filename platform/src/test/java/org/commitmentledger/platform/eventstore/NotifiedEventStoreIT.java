package org.commitmentledger.platform.eventstore;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DefaultEventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.tracing.NoOpSpanFactory;
import org.commitmentledger.testsupport.TestInfrastructure;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams learn of events appended by other connections (in a service: by the other service) from PostgreSQL's
 * notifications, so a caught-up processor hears of them without polling.
 */
class NotifiedEventStoreIT {

    private PGSimpleDataSource dataSource;
    private AppendNotifications appendNotifications;
    private TrackingEventStream stream;
    private final AtomicInteger callbacks = new AtomicInteger();

    @BeforeEach
    void openAStream() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infrastructure.newDatabase());
        dataSource.setUser(infrastructure.postgresUser());
        dataSource.setPassword(infrastructure.postgresPassword());
        EventStoreSchema.migrate(dataSource);
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        PostgresEventStorageEngine engine = PostgresEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        appendNotifications = AppendNotifications.start(dataSource, Duration.ofMillis(10));
        NotifiedEventStore store = NotifiedEventStore.create(
                engine, NoOpMessageMonitor.INSTANCE,
                DefaultEventBusSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build(),
                appendNotifications);
        stream = store.openStream(store.createTailToken());
        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
        // The listener looks once when it starts listening; from then on, the stream can only hear from it.
        promptly().until(() -> callbacks.get() > 0);
        assertCaughtUp();
    }

    @AfterEach
    void close() throws InterruptedException {
        stream.close();
        appendNotifications.close();
    }

    @Test
    void tellsACaughtUpStreamOfEventsAnotherConnectionAppends() throws SQLException, InterruptedException {
        int calledBack = callbacks.get();

        String appended = append("calexico-east");

        promptly().until(() -> callbacks.get() > calledBack);
        awaitDelivered(appended);
    }

    @Test
    void tellsItOfEventsHeldBackByAnOlderTransactionOnceThatEndsThoughItAppendsNothing()
            throws SQLException, InterruptedException {
        try (Connection older = dataSource.getConnection()) {
            older.setAutoCommit(false);
            query(older, "select pg_current_xact_id()::text");

            String late = append("fast-stream");

            assertThat(stream.hasNextAvailable()).as("nothing is readable while an older transaction runs").isFalse();
            older.commit();
            awaitDelivered(late);
        }
    }

    @Test
    void listensAgainAfterLosingItsConnection() throws SQLException, InterruptedException {
        String listener = query("select pid::text from pg_stat_activity where application_name = '"
                                        + AppendNotifications.APPLICATION_NAME + "' and datname = current_database()");
        int calledBack = callbacks.get();

        query("select pg_terminate_backend(" + listener + ")::text");

        awaitDelivered(append("while-reconnecting"));
        // Told once when the connection dropped, once when listening again.
        promptly().until(() -> callbacks.get() >= calledBack + 2);
        assertCaughtUp();
        awaitDelivered(append("after-reconnecting"));
    }

    /** The stream has one reader: this thread. */
    private static ConditionFactory promptly() {
        return await().atMost(Duration.ofSeconds(10)).pollInSameThread();
    }

    /** Read to the end, and once more for a look-again it was told meanwhile: from here on, only news wakes it. */
    private void assertCaughtUp() {
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    private void awaitDelivered(String eventId) throws InterruptedException {
        promptly().until(stream::hasNextAvailable);
        assertThat(stream.nextAvailable().getIdentifier()).isEqualTo(eventId);
    }

    private String append(String stream) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
                         payload_type, payload_revision, payload, meta_data, recorded_at)
                     values (?, 'Commitment', ?, 0, 'org.commitmentledger.events.CommitmentReaffirmed', '1', '{}',
                         '{}', now())
                     """)) {
            insert.setString(1, id);
            insert.setString(2, stream);
            insert.executeUpdate();
        }
        return id;
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
