package org.commitmentledger.events;

/** Where a commitment stands, in the vocabulary of public promise trackers (PolitiFact, OGP). */
public enum ProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    STALLED,
    PARTIALLY_FULFILLED,
    FULFILLED,
    BROKEN
}
