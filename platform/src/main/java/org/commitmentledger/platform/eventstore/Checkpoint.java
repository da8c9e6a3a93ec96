package org.commitmentledger.platform.eventstore;

import java.time.Instant;

/**
 * A digest over the whole log up to a point, chained to the checkpoint before it. An auditor who keeps
 * {@code number} and {@code digest} can later have the ledger prove that the log up to there is unchanged.
 *
 * @param horizon      covers the events of every transaction with an id below this one
 * @param eventCount   events covered, from the start of the log
 * @param lastPosition the largest global position covered
 * @param digest       hex SHA-256
 */
public record Checkpoint(long number, long horizon, long eventCount, long lastPosition, String digest,
                         Instant recordedAt) {
}
