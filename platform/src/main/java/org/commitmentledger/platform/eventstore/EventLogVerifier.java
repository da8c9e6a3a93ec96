package org.commitmentledger.platform.eventstore;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the hash chains and checkpoint digests from the stored events, in one snapshot, in constant memory.
 * <p>
 * The log is walked range by range, each range being what one checkpoint covers, and then the events that no
 * checkpoint covers yet. Every event is checked against its predecessor in its stream (an edited row no longer
 * matches its hash; a deleted row leaves its successor without a predecessor); every checkpoint's digest and count is
 * recomputed (which also catches a row deleted from the end of a stream, or hashes rewritten to hide an edit).
 */
public final class EventLogVerifier {

    private final EventLog log;

    public EventLogVerifier(EventLog log) {
        this.log = log;
    }

    /**
     * The first place the stored log departs from what was recorded.
     *
     * @param streamId   the stream of the broken link, if an event is at fault
     * @param sequence   the sequence number of the altered or missing event
     * @param eventId    the altered event, or the event that follows a missing one
     * @param checkpoint the checkpoint whose digest no longer matches, if that is how it showed
     */
    public record BrokenLink(String streamId, Long sequence, String eventId, Long checkpoint, String reason) {
    }

    /** The outcome of a verification: {@code brokenLink} is empty when the log is intact. */
    public record Verification(Instant knownAt, long eventsChecked, long checkpointsChecked,
                               Optional<Checkpoint> lastCheckpoint, Optional<BrokenLink> brokenLink) {

        public boolean intact() {
            return brokenLink.isEmpty();
        }
    }

    /**
     * Whether the log up to a checkpoint still digests to what an auditor kept.
     *
     * @param recomputedDigest the digest recomputed from the events, not read from the checkpoint table
     * @param brokenLink       where the log departs from its own chains, if it does
     */
    public record Proof(long checkpoint, long eventCount, long lastPosition, String recomputedDigest,
                        boolean matches, Optional<BrokenLink> brokenLink) {

        /** The log up to the checkpoint is the one the auditor's digest was taken from, and every link holds. */
        public boolean unchanged() {
            return matches && brokenLink.isEmpty();
        }
    }

    /** The checkpoints written at or before {@code knownAt}, oldest first. */
    public List<Checkpoint> checkpoints(Instant knownAt) {
        return log.inSnapshot(connection -> Checkpoints.recordedUntil(connection, knownAt));
    }

    /** Checks the events recorded at or before {@code knownAt} and the checkpoints written by then. */
    public Verification verify(Instant knownAt) {
        return log.inSnapshot(connection -> {
            List<Checkpoint> checkpoints = Checkpoints.recordedUntil(connection, knownAt);
            Walk walk = new Walk(knownAt);
            Checkpoint previous = Checkpoints.GENESIS;
            for (Checkpoint checkpoint : checkpoints) {
                walk.range(connection, previous.horizon(), checkpoint.horizon());
                if (walk.broken != null) {
                    break;
                }
                walk.compare(checkpoint);
                if (walk.broken != null) {
                    break;
                }
                previous = checkpoint;
            }
            if (walk.broken == null) {
                walk.range(connection, previous.horizon(), EventLog.horizon(connection));
            }
            return new Verification(knownAt, walk.events, walk.checkpoints,
                                    checkpoints.isEmpty() ? Optional.empty()
                                            : Optional.of(checkpoints.get(checkpoints.size() - 1)),
                                    Optional.ofNullable(walk.broken));
        });
    }

    /** Recomputes the log up to checkpoint {@code number} and compares its digest with {@code keptDigest}. */
    public Optional<Proof> prove(long number, String keptDigest) {
        return log.inSnapshot(connection -> {
            List<Checkpoint> upTo = Checkpoints.upTo(connection, number);
            if (upTo.isEmpty() || upTo.get(upTo.size() - 1).number() != number) {
                return Optional.empty();
            }
            Walk walk = new Walk(null);
            long from = 0;
            for (Checkpoint checkpoint : upTo) {
                walk.range(connection, from, checkpoint.horizon());
                from = checkpoint.horizon();
            }
            String recomputed = HexFormat.of().formatHex(walk.digest);
            return Optional.of(new Proof(number, walk.events, walk.lastPosition, recomputed,
                                         recomputed.equalsIgnoreCase(keptDigest.strip()),
                                         Optional.ofNullable(walk.broken)));
        });
    }

    /** One pass over the log in commit order, carrying the running digest. */
    private static final class Walk {

        private final Instant knownAt;
        private byte[] digest = new byte[0];
        private long events;
        private long checkpoints;
        private long lastPosition;
        private BrokenLink broken;

        Walk(Instant knownAt) {
            this.knownAt = knownAt;
        }

        void range(Connection connection, long fromTx, long toTx) throws SQLException {
            MessageDigest running = EventHashes.sha256();
            running.update(digest);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select e.global_index, e.event_id, e.stream_type, e.stream_id, e.sequence_number,"
                            + " e.payload_type, e.payload_revision, e.payload::text as payload,"
                            + " e.meta_data::text as meta_data, e.recorded_at, e.effective_on, e.hash,"
                            + " p.hash as previous_hash, p.global_index is not null as has_previous"
                            + " from " + PostgresEventStorageEngine.TABLE + " e"
                            + " left join " + PostgresEventStorageEngine.TABLE + " p"
                            + " on p.stream_id = e.stream_id and p.sequence_number = e.sequence_number - 1"
                            + " where e.tx_id >= ? and e.tx_id < ? order by e.tx_id, e.global_index")) {
                statement.setLong(1, fromTx);
                statement.setLong(2, toTx);
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byte[] stored = rows.getBytes("hash");
                        running.update(stored);
                        lastPosition = Math.max(lastPosition, rows.getLong("global_index"));
                        LoggedEvent event = EventLog.loggedEvent(rows);
                        if (knownAt != null && event.recordedAt().isAfter(knownAt)) {
                            continue;
                        }
                        events++;
                        if (broken == null) {
                            check(event, stored, rows.getBoolean("has_previous") ? rows.getBytes("previous_hash")
                                    : null);
                        }
                    }
                }
            }
            digest = running.digest();
        }

        private void check(LoggedEvent event, byte[] stored, byte[] previous) {
            if (event.sequence() > 0 && previous == null) {
                broken = new BrokenLink(event.streamId(), event.sequence() - 1, event.eventId(), null,
                        "event " + (event.sequence() - 1) + " of stream " + event.streamId()
                                + " is missing: the event after it has no predecessor");
            } else if (!Arrays.equals(EventHashes.link(previous, event), stored)) {
                broken = new BrokenLink(event.streamId(), event.sequence(), event.eventId(), null,
                        "event " + event.sequence() + " of stream " + event.streamId()
                                + " is not what was recorded: its content no longer matches its hash");
            }
        }

        void compare(Checkpoint checkpoint) {
            checkpoints++;
            String recomputed = HexFormat.of().formatHex(digest);
            if (!recomputed.equalsIgnoreCase(checkpoint.digest())) {
                broken = new BrokenLink(null, null, null, checkpoint.number(),
                        "checkpoint " + checkpoint.number() + " no longer matches the events it covers: an event"
                                + " up to position " + checkpoint.lastPosition() + " was removed, added or re-hashed");
            }
        }
    }
}
