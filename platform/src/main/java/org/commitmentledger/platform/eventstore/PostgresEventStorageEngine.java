package org.commitmentledger.platform.eventstore;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.commitmentledger.events.LedgerEvent;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Axon's storage engine for the ledger's PostgreSQL event table.
 * <p>
 * Payloads and metadata are stored as {@code jsonb} so that an auditor can read them with psql; the recorded time is a
 * {@code timestamptz}; the business date a fact took effect is a column of its own. Tracking reads never skip an event
 * whose transaction commits late: see {@link CommitOrderToken}. For that guarantee to keep events of one stream in
 * order, a transaction appending to a stream must read the stream before its first write, which is what Axon's
 * event-sourcing repository does.
 * <p>
 * Streams are short (a commitment, a monthly series), so the engine keeps no snapshots.
 */
public class PostgresEventStorageEngine extends BatchingEventStorageEngine {

    static final String TABLE = "event_store.event_entry";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS =
            "global_index, tx_id, event_id, stream_type, stream_id, sequence_number, payload_type, payload_revision, "
                    + "payload::text as payload, meta_data::text as meta_data, recorded_at";

    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;

    protected PostgresEventStorageEngine(Builder builder) {
        super(builder);
        this.connectionProvider = builder.connectionProvider;
        this.transactionManager = builder.transactionManager;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            try (Connection connection = connection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into " + TABLE + " (event_id, stream_type, stream_id, sequence_number, payload_type,"
                                 + " payload_revision, payload, meta_data, recorded_at, effective_on)"
                                 + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (EventMessage<?> event : events) {
                    bindInsert(insert, event, serializer);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    /**
     * Appends events as the iterator yields them, in the caller's transaction, through COPY into the event table: the
     * same rows, chain trigger and constraints as {@link #appendEvents}, for imports too large to hold as messages. A
     * stream's events must come in sequence order; the events are not published on the event bus, tracking readers
     * find them in the table. A stream that another writer appended to first fails it with a
     * {@link ConcurrencyException}, whatever the sequence number.
     */
    public void appendInOrder(Iterator<? extends DomainEventMessage<?>> events) {
        if (!events.hasNext()) {
            return;
        }
        Serializer serializer = getEventSerializer();
        transactionManager.executeInTransaction(() -> {
            try (Connection connection = connection()) {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy " + TABLE + " (event_id, stream_type, stream_id, sequence_number, payload_type,"
                                + " payload_revision, payload, meta_data, recorded_at, effective_on)"
                                + " from stdin with (format csv)");
                try {
                    CsvRows rows = new CsvRows(copy);
                    while (events.hasNext()) {
                        rows.add(copyRow(events.next(), serializer));
                    }
                    rows.flush();
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new ConcurrencyException("another writer appended to one of the streams first", e);
                }
                throw new EventStoreException("Failed to append events: " + e.getMessage(), e);
            }
        });
    }

    private static String[] copyRow(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        LocalDate effectiveOn = event.getPayload() instanceof LedgerEvent ledgerEvent ? ledgerEvent.effectiveOn() : null;
        return new String[]{event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                Long.toString(event.getSequenceNumber()), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), metaData.getData(), recordedTime(event).toString(),
                effectiveOn == null ? null : effectiveOn.toString()};
    }

    /** Rows in COPY's CSV format, sent in blocks of about a megabyte; null is an unquoted empty field. */
    private static final class CsvRows {
        private static final int BLOCK = 1 << 20;
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(BLOCK + (BLOCK >> 2));

        CsvRows(CopyIn copy) {
            this.copy = copy;
        }

        void add(String[] fields) throws SQLException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                if (fields[i] != null) {
                    text.append('"');
                    String field = fields[i];
                    for (int j = 0; j < field.length(); j++) {
                        char c = field.charAt(j);
                        if (c == '"') {
                            text.append('"');
                        }
                        text.append(c);
                    }
                    text.append('"');
                }
            }
            text.append('\n');
            if (text.length() >= BLOCK) {
                flush();
            }
        }

        void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    private static void bindInsert(PreparedStatement insert, EventMessage<?> event, Serializer serializer)
            throws SQLException {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        if (event instanceof DomainEventMessage<?> domainEvent) {
            insert.setString(2, domainEvent.getType());
            insert.setString(3, domainEvent.getAggregateIdentifier());
            insert.setLong(4, domainEvent.getSequenceNumber());
        } else {
            insert.setNull(2, Types.VARCHAR);
            insert.setString(3, event.getIdentifier());
            insert.setLong(4, 0);
        }
        insert.setString(1, event.getIdentifier());
        insert.setString(5, payload.getType().getName());
        insert.setString(6, payload.getType().getRevision());
        insert.setObject(7, payload.getData(), Types.OTHER);
        insert.setObject(8, metaData.getData(), Types.OTHER);
        insert.setTimestamp(9, Timestamp.from(recordedTime(event)));
        if (event.getPayload() instanceof LedgerEvent ledgerEvent && ledgerEvent.effectiveOn() != null) {
            insert.setDate(10, Date.valueOf(ledgerEvent.effectiveOn()));
        } else {
            insert.setNull(10, Types.DATE);
        }
    }

    /** PostgreSQL keeps microseconds; truncating here makes the stored instant the one every reader sees. */
    static Instant recordedTime(EventMessage<?> event) {
        return event.getTimestamp().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("the ledger's event store keeps no snapshots");
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return query("select " + COLUMNS + " from " + TABLE
                             + " where stream_id = ? and sequence_number >= ? order by sequence_number limit ?",
                     statement -> {
                         statement.setString(1, aggregateIdentifier);
                         statement.setLong(2, firstSequenceNumber);
                         statement.setInt(3, batchSize);
                     },
                     PostgresEventStorageEngine::domainEventEntry);
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return true;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        CommitOrderToken after = lastToken == null ? CommitOrderToken.tail() : (CommitOrderToken) lastToken;
        return transactionManager.fetchInTransaction(() -> {
            long horizon = currentHorizon();
            return query("select " + COLUMNS + " from " + TABLE + " where tx_id < ? and (tx_id, global_index) > (?, ?)"
                                 + " order by tx_id, global_index limit ?",
                         statement -> {
                             statement.setLong(1, horizon);
                             statement.setLong(2, after.tx());
                             statement.setLong(3, after.index());
                             statement.setInt(4, batchSize);
                         },
                         row -> new TrackedDomainEventData<>(new CommitOrderToken(row.getLong("tx_id"),
                                                                                    row.getLong("global_index")),
                                                             domainEventEntry(row)));
        });
    }

    /** The oldest transaction still running: every row written by an older transaction is final. */
    private long currentHorizon() {
        return single("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
    }

    private static GenericDomainEventEntry<String> domainEventEntry(ResultSet row) throws SQLException {
        String eventId = row.getString("event_id");
        String streamId = row.getString("stream_id");
        return new GenericDomainEventEntry<>(
                row.getString("stream_type"),
                eventId.equals(streamId) ? null : streamId,
                row.getLong("sequence_number"),
                eventId,
                // As text: given an Instant, Axon's entry would keep milliseconds only, and readers on both time
                // axes must see the recorded instant the log holds, to the microsecond.
                row.getTimestamp("recorded_at").toInstant().toString(),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("payload"),
                row.getString("meta_data"));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Long> last = transactionManager.fetchInTransaction(() -> query(
                "select max(sequence_number) from " + TABLE + " where stream_id = ?",
                statement -> statement.setString(1, aggregateIdentifier),
                row -> row.getObject(1, Long.class)));
        return last.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public TrackingToken createTailToken() {
        return CommitOrderToken.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return transactionManager.fetchInTransaction(
                () -> CommitOrderToken.below(currentHorizon()));
    }

    /**
     * A token from which every event recorded at or after {@code dateTime} is delivered; some recorded shortly
     * before may be delivered too.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return transactionManager.fetchInTransaction(() -> {
            List<Long> oldest = query("select min(tx_id) from " + TABLE + " where recorded_at >= ?",
                                      statement -> statement.setTimestamp(1, Timestamp.from(dateTime)),
                                      row -> row.getObject(1, Long.class));
            Long tx = oldest.get(0);
            return tx == null ? createHeadToken() : CommitOrderToken.below(tx);
        });
    }

    private long single(String sql) {
        return query(sql, statement -> {
        }, row -> row.getLong(1)).get(0);
    }

    private <R> List<R> query(String sql, Binder binder, RowMapper<R> mapper) {
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<R> results = new ArrayList<>();
                while (rows.next()) {
                    results.add(mapper.map(rows));
                }
                return results;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Failed to read events: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        return connectionProvider.getConnection();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<R> {
        R map(ResultSet row) throws SQLException;
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private ConnectionProvider connectionProvider;
        private TransactionManager transactionManager;

        private Builder() {
            persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION));
        }

        public Builder connectionProvider(ConnectionProvider connectionProvider) {
            this.connectionProvider = requireNonNull(connectionProvider);
            return this;
        }

        public Builder transactionManager(TransactionManager transactionManager) {
            this.transactionManager = requireNonNull(transactionManager);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(
                org.axonframework.common.jdbc.PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (connectionProvider == null || transactionManager == null) {
                throw new AxonConfigurationException("a connection provider and a transaction manager are required");
            }
        }

        public PostgresEventStorageEngine build() {
            return new PostgresEventStorageEngine(this);
        }
    }
}
