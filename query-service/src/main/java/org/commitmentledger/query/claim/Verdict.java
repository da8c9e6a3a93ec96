package org.commitmentledger.query.claim;

/** How a claim holds up against the figures. */
enum Verdict {
    /** The figures bear the claim out, within its tolerance. */
    SUPPORTED,
    /** The figures say otherwise. */
    NOT_SUPPORTED,
    /** The figures cannot tell: they lack the metric, the slice or the months the claim speaks of. */
    NOT_VERIFIABLE
}
