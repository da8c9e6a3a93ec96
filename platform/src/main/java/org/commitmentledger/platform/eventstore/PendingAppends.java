package org.commitmentledger.platform.eventstore;

/**
 * When the open streams should look again, given the transactions known to have appended events and the commit
 * horizon (the oldest transaction still running; see {@link CommitOrderToken}).
 * <p>
 * A transaction's events are readable only once the horizon has passed it. So the streams are told to look again
 * when the horizon has moved since they last were and a transaction at or beyond that earlier horizon has appended;
 * while such a transaction is still beyond the horizon, someone must check the horizon again, as the older
 * transaction holding it back may end without appending anything, and then nobody notifies.
 */
final class PendingAppends {

    private long highest;
    private long lookedAt = -1;

    /** @param appendedBefore every transaction up to this one may have appended */
    PendingAppends(long appendedBefore) {
        this.highest = appendedBefore;
    }

    void appended(long transaction) {
        highest = Math.max(highest, transaction);
    }

    /** Whether the streams must look again now that the horizon is here; if so, they are taken to have looked. */
    boolean lookAgainAt(long horizon) {
        if (horizon > lookedAt && highest >= lookedAt) {
            lookedAt = horizon;
            return true;
        }
        return false;
    }

    /** Whether a transaction that appended is still at or beyond the horizon. */
    boolean heldBack(long horizon) {
        return highest >= horizon;
    }
}
