package org.commitmentledger.query.commitment;

/**
 * The tables a commitment projection writes: the live ones that reads use, or the next generation a rebuild fills
 * before it takes their place.
 */
record CommitmentTables(String versions, String events) {

    static final CommitmentTables LIVE = new CommitmentTables("query.commitment_version", "query.commitment_event");
    static final CommitmentTables NEXT = new CommitmentTables("query.commitment_version_next",
                                                              "query.commitment_event_next");
}
