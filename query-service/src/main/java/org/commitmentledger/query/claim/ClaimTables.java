package org.commitmentledger.query.claim;

/** The table the claim projection writes: live, or the next generation a rebuild fills. */
record ClaimTables(String claims) {

    static final ClaimTables LIVE = new ClaimTables("query.claim");
    static final ClaimTables NEXT = new ClaimTables("query.claim_next");
}
