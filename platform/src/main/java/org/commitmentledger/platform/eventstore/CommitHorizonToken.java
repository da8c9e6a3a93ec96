package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.OptionalLong;

/**
 * A position in the event log that never skips an event committed late.
 * <p>
 * Every row carries the id of the transaction that wrote it. Rows written by transactions older than the oldest one
 * still running (PostgreSQL's snapshot {@code xmin}) can no longer appear or change, so the log is read in windows of
 * transaction ids below that horizon, and in global-index order within a window. The token covers:
 * <ul>
 *     <li>every row with {@code tx_id < horizon}, and</li>
 *     <li>the rows with {@code horizon <= tx_id < windowEnd} and {@code global_index <= lastIndex}.</li>
 * </ul>
 * When {@code horizon == windowEnd} the token covers exactly the rows below the horizon; {@code lastIndex} then only
 * tells how far the log had grown, for progress reporting.
 */
public record CommitHorizonToken(long horizon, long windowEnd, long lastIndex) implements TrackingToken {

    public CommitHorizonToken {
        if (horizon < 0 || windowEnd < horizon) {
            throw new IllegalArgumentException(
                    "a token needs 0 <= horizon <= windowEnd, got " + horizon + ", " + windowEnd);
        }
    }

    public static CommitHorizonToken tail() {
        return new CommitHorizonToken(0, 0, 0);
    }

    static CommitHorizonToken below(long horizon, long lastIndex) {
        return new CommitHorizonToken(horizon, horizon, lastIndex);
    }

    boolean hasOpenWindow() {
        return windowEnd > horizon;
    }

    CommitHorizonToken windowClosed() {
        return below(windowEnd, lastIndex);
    }

    CommitHorizonToken at(long globalIndex) {
        return new CommitHorizonToken(horizon, windowEnd, globalIndex);
    }

    @Override
    public boolean covers(TrackingToken other) {
        if (other == null) {
            return true;
        }
        CommitHorizonToken that = unwrap(other);
        if (that.windowEnd <= horizon) {
            return true;
        }
        if (!that.hasOpenWindow()) {
            return that.horizon <= horizon;
        }
        return that.horizon == horizon && that.windowEnd == windowEnd && that.lastIndex <= lastIndex;
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        CommitHorizonToken that = unwrap(other);
        if (covers(that)) {
            return that;
        }
        if (that.covers(this)) {
            return this;
        }
        return below(Math.min(horizon, that.horizon), Math.min(lastIndex, that.lastIndex));
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        CommitHorizonToken that = unwrap(other);
        if (covers(that)) {
            return this;
        }
        if (that.covers(this)) {
            return that;
        }
        return below(Math.max(windowEnd, that.windowEnd), Math.max(lastIndex, that.lastIndex));
    }

    @Override
    public OptionalLong position() {
        return OptionalLong.of(lastIndex);
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return covers(other) && other.covers(this);
    }

    private static CommitHorizonToken unwrap(TrackingToken other) {
        TrackingToken token = WrappedToken.unwrapLowerBound(other);
        if (token instanceof CommitHorizonToken commitHorizonToken) {
            return commitHorizonToken;
        }
        throw new IllegalArgumentException("cannot compare a CommitHorizonToken with " + other);
    }
}
