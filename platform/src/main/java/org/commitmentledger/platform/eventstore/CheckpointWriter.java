package org.commitmentledger.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a checkpoint once at least {@code every} events have become final since the last one. Several instances may
 * run: an advisory lock lets one write at a time, and the checkpoint number is the table's key.
 */
public final class CheckpointWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
    private static final long LOCK = 0x4c6564676572L;

    private final DataSource dataSource;
    private final long every;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public CheckpointWriter(DataSource dataSource, long every, Duration interval) {
        if (every < 1) {
            throw new IllegalArgumentException("a checkpoint needs at least one event, got " + every);
        }
        this.dataSource = dataSource;
        this.every = every;
        this.interval = interval;
    }

    /** Writes a checkpoint if one is due; the new checkpoint, if any. */
    public Optional<Checkpoint> writeIfDue() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<Checkpoint> written = writeIfDue(connection);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new EventLog.EventLogException(e);
        }
    }

    private Optional<Checkpoint> writeIfDue(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        Checkpoint last = Checkpoints.last(connection).orElse(Checkpoints.GENESIS);
        long horizon = EventLog.horizon(connection);
        if (horizon <= last.horizon()) {
            return Optional.empty();
        }
        MessageDigest digest = EventHashes.sha256();
        digest.update(HexFormat.of().parseHex(last.digest()));
        long count = 0;
        long lastPosition = last.lastPosition();
        try (PreparedStatement range = connection.prepareStatement(
                "select global_index, hash from " + PostgresEventStorageEngine.TABLE
                        + " where tx_id >= ? and tx_id < ? order by tx_id, global_index")) {
            range.setLong(1, last.horizon());
            range.setLong(2, horizon);
            range.setFetchSize(1_000);
            try (ResultSet rows = range.executeQuery()) {
                while (rows.next()) {
                    digest.update(rows.getBytes("hash"));
                    lastPosition = Math.max(lastPosition, rows.getLong("global_index"));
                    count++;
                }
            }
        }
        if (count < every) {
            return Optional.empty();
        }
        Checkpoint next = new Checkpoint(last.number() + 1, horizon, last.eventCount() + count, lastPosition,
                                         HexFormat.of().formatHex(digest.digest()), null);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + Checkpoints.TABLE + " (number, horizon, event_count, last_position, digest)"
                        + " values (?, ?, ?, ?, ?) returning recorded_at")) {
            insert.setLong(1, next.number());
            insert.setLong(2, next.horizon());
            insert.setLong(3, next.eventCount());
            insert.setLong(4, next.lastPosition());
            insert.setBytes(5, HexFormat.of().parseHex(next.digest()));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return Optional.of(new Checkpoint(next.number(), next.horizon(), next.eventCount(),
                                                  next.lastPosition(), next.digest(),
                                                  rows.getTimestamp(1).toInstant()));
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-log-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::writeQuietly, interval.toMillis(), interval.toMillis(),
                                         TimeUnit.MILLISECONDS);
    }

    private void writeQuietly() {
        try {
            writeIfDue().ifPresent(checkpoint -> log.info("Checkpoint {} covers {} events up to position {}",
                                                          checkpoint.number(), checkpoint.eventCount(),
                                                          checkpoint.lastPosition()));
        } catch (RuntimeException e) {
            log.warn("Could not write a checkpoint, will try again in {}: {}", interval, e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
