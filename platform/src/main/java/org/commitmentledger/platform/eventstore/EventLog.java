package org.commitmentledger.platform.eventstore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the raw event log for audits and replays, in constant memory (a server-side cursor).
 * <p>
 * Events come in commit order: by writing transaction, then by global position. That is the order the event processors
 * see, and unlike global position alone it is final: only rows of transactions older than the oldest one still
 * running are read, so a reader resuming after an event can never miss one that committed late with a smaller
 * position. Within a stream, commit order is sequence order.
 */
public final class EventLog {

    private static final int FETCH_SIZE = 1_000;
    private static final String COLUMNS = "global_index, tx_id, event_id, stream_type, stream_id, sequence_number,"
            + " payload_type, payload_revision, payload::text as payload, meta_data::text as meta_data, recorded_at,"
            + " effective_on, hash";

    private final DataSource dataSource;

    public EventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Which events to read; every criterion is optional.
     *
     * @param streamId      only this stream
     * @param streamType    only streams of this type (the aggregate's name, e.g. {@code Commitment})
     * @param recordedFrom  only events recorded at or after this instant
     * @param recordedUntil only events recorded at or before this instant
     * @param after         only events delivered after the event at this global position
     */
    public record Query(String streamId, String streamType, Instant recordedFrom, Instant recordedUntil, Long after) {

        public static Query all() {
            return new Query(null, null, null, null, null);
        }

        public Query stream(String id) {
            return new Query(id, streamType, recordedFrom, recordedUntil, after);
        }

        public Query streamType(String type) {
            return new Query(streamId, type, recordedFrom, recordedUntil, after);
        }

        public Query recordedFrom(Instant instant) {
            return new Query(streamId, streamType, instant, recordedUntil, after);
        }

        public Query recordedUntil(Instant instant) {
            return new Query(streamId, streamType, recordedFrom, instant, after);
        }

        public Query after(Long position) {
            return new Query(streamId, streamType, recordedFrom, recordedUntil, position);
        }
    }

    @FunctionalInterface
    public interface Reader {
        void accept(LoggedEvent event) throws Exception;
    }

    /** Thrown when {@link Query#after()} names no event of the log. */
    public static final class UnknownPositionException extends IllegalArgumentException {
        UnknownPositionException(long position) {
            super("no event at global position " + position);
        }
    }

    /** Hands every matching event to {@code reader}, in commit order, and returns how many it handed over. */
    public long read(Query query, Reader reader) {
        return inSnapshot(connection -> {
            long count = 0;
            try (PreparedStatement statement = select(connection, COLUMNS, query, " order by tx_id, global_index")) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.accept(loggedEvent(rows));
                        count++;
                    }
                }
            }
            return count;
        });
    }

    /** How many events {@link #read} would hand over now. */
    public long count(Query query) {
        return inSnapshot(connection -> {
            try (PreparedStatement statement = select(connection, "count(*)", query, "");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static PreparedStatement select(Connection connection, String columns, Query query, String order)
            throws SQLException {
        StringBuilder sql = new StringBuilder("select " + columns + " from " + PostgresEventStorageEngine.TABLE
                                                      + " where tx_id < ?");
        List<Object> params = new ArrayList<>(List.of(horizon(connection)));
        if (query.streamId() != null) {
            sql.append(" and stream_id = ?");
            params.add(query.streamId());
        }
        if (query.streamType() != null) {
            sql.append(" and stream_type = ?");
            params.add(query.streamType());
        }
        if (query.recordedFrom() != null) {
            sql.append(" and recorded_at >= ?");
            params.add(Timestamp.from(ceilingMicros(query.recordedFrom())));
        }
        if (query.recordedUntil() != null) {
            sql.append(" and recorded_at <= ?");
            params.add(Timestamp.from(query.recordedUntil().truncatedTo(ChronoUnit.MICROS)));
        }
        if (query.after() != null) {
            sql.append(" and (tx_id, global_index) > (?, ?)");
            params.add(transactionOf(connection, query.after()));
            params.add(query.after());
        }
        PreparedStatement statement = connection.prepareStatement(sql.append(order).toString());
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    /** Whether an event with this global position is in the log. */
    public boolean contains(long position) {
        try {
            return inSnapshot(connection -> transactionOf(connection, position) >= 0);
        } catch (UnknownPositionException e) {
            return false;
        }
    }

    /**
     * Recorded instants are kept to the microsecond, and the driver would round a finer bound half up: bounds are
     * moved to the microsecond that keeps the comparison exact.
     */
    private static Instant ceilingMicros(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
    }

    /** The global position of the last event a reader of the whole log would get now, if any. */
    public Optional<Long> lastPosition() {
        return inSnapshot(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select global_index from " + PostgresEventStorageEngine.TABLE
                            + " where tx_id < ? order by tx_id desc, global_index desc limit 1")) {
                statement.setLong(1, horizon(connection));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    static LoggedEvent loggedEvent(ResultSet row) throws SQLException {
        return new LoggedEvent(
                row.getLong("global_index"),
                row.getString("event_id"),
                row.getString("stream_type"),
                row.getString("stream_id"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("payload"),
                row.getString("meta_data"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getObject("effective_on", LocalDate.class),
                HexFormat.of().formatHex(row.getBytes("hash")));
    }

    static long horizon(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long transactionOf(Connection connection, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select tx_id from " + PostgresEventStorageEngine.TABLE + " where global_index = ?")) {
            statement.setLong(1, position);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new UnknownPositionException(position);
                }
                return rows.getLong(1);
            }
        }
    }

    @FunctionalInterface
    interface SnapshotWork<R> {
        R run(Connection connection) throws Exception;
    }

    /**
     * Runs {@code work} in one read-only, repeatable-read transaction: every query sees the same snapshot, and the
     * cursor streams rows instead of loading them all.
     */
    <R> R inSnapshot(SnapshotWork<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EventLogException(e);
        }
    }

    /** The log could not be read, or a reader failed while taking events. */
    public static final class EventLogException extends RuntimeException {
        EventLogException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
