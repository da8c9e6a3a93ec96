package org.commitmentledger.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads the checkpoint table. */
final class Checkpoints {

    static final String TABLE = "event_store.checkpoint";
    /** Before the first checkpoint: nothing covered, and an empty digest to chain the first one to. */
    static final Checkpoint GENESIS = new Checkpoint(0, 0, 0, 0, "", null);

    private static final String COLUMNS = "number, horizon, event_count, last_position, digest, recorded_at";

    private Checkpoints() {
    }

    static Optional<Checkpoint> last(Connection connection) throws SQLException {
        List<Checkpoint> last = list(connection, "select " + COLUMNS + " from " + TABLE
                + " order by number desc limit 1", null);
        return last.stream().findFirst();
    }

    static List<Checkpoint> recordedUntil(Connection connection, Instant until) throws SQLException {
        return list(connection, "select " + COLUMNS + " from " + TABLE + " where recorded_at <= ? order by number",
                    Timestamp.from(until.truncatedTo(ChronoUnit.MICROS)));
    }

    static List<Checkpoint> upTo(Connection connection, long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + COLUMNS + " from " + TABLE + " where number <= ? order by number")) {
            statement.setLong(1, number);
            return read(statement);
        }
    }

    private static List<Checkpoint> list(Connection connection, String sql, Timestamp until) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (until != null) {
                statement.setTimestamp(1, until);
            }
            return read(statement);
        }
    }

    private static List<Checkpoint> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            List<Checkpoint> checkpoints = new ArrayList<>();
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong("number"), rows.getLong("horizon"),
                                               rows.getLong("event_count"), rows.getLong("last_position"),
                                               HexFormat.of().formatHex(rows.getBytes("digest")),
                                               rows.getTimestamp("recorded_at").toInstant()));
            }
            return checkpoints;
        }
    }
}
