package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.OptionalLong;

/**
 * A position in the event log's commit order that never skips an event committed late.
 * <p>
 * Every row carries the id of the transaction that wrote it. The log is read in commit order, by transaction id and
 * then by global index, and only below the commit horizon: rows written by transactions older than the oldest one
 * still running (PostgreSQL's snapshot {@code xmin}) can no longer appear or change. A row that becomes readable later
 * belongs to a transaction at or beyond the horizon of every earlier read, so it always comes after any position
 * already handed out. The token covers every row with {@code (tx_id, global_index) <= (tx, index)}.
 * <p>
 * One total order matters: Axon's pooled processors read one stream for all the segments they claim, from the lowest
 * of their tokens, and pass each segment the events its token does not cover. Tokens that were windows of the log,
 * each window read in global-index order, did not all lie on one order: segments left at different windows (a kill,
 * a claim moving to another instance) were each handed events they had applied already.
 */
public record CommitOrderToken(long tx, long index) implements TrackingToken {

    public static CommitOrderToken tail() {
        return new CommitOrderToken(0, 0);
    }

    /** Covers every row of the transactions below {@code horizon}. */
    static CommitOrderToken below(long horizon) {
        return new CommitOrderToken(horizon - 1, Long.MAX_VALUE);
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(unwrap(other)) >= 0;
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        CommitOrderToken that = unwrap(other);
        return compareTo(that) <= 0 ? this : that;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        CommitOrderToken that = unwrap(other);
        return compareTo(that) >= 0 ? this : that;
    }

    @Override
    public OptionalLong position() {
        return index == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(index);
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return compareTo(unwrap(other)) == 0;
    }

    private int compareTo(CommitOrderToken that) {
        int byTransaction = Long.compare(tx, that.tx);
        return byTransaction != 0 ? byTransaction : Long.compare(index, that.index);
    }

    private static CommitOrderToken unwrap(TrackingToken other) {
        TrackingToken token = WrappedToken.unwrapLowerBound(other);
        if (token instanceof CommitOrderToken commitHorizonToken) {
            return commitHorizonToken;
        }
        throw new IllegalArgumentException("cannot compare a CommitOrderToken with " + other);
    }
}
