package org.commitmentledger.command.commitment;

/** A command a commitment refuses: recording it would break one of the ledger's rules. */
class CommitmentRuleViolation extends RuntimeException {

    enum Rule {
        /** Only reaffirmations and corrections of the record are accepted once a commitment is withdrawn. */
        COMMITMENT_WITHDRAWN,
        /** Nothing about a commitment takes effect before the commitment was made. */
        BEFORE_COMMITMENT_MADE,
        /** A due date cannot precede the day the commitment was made. */
        DUE_BEFORE_MADE,
        /** Quantities count toward a target: never below zero. */
        NEGATIVE_QUANTITY,
        /** A report id names one report of a commitment. */
        DUPLICATE_REPORT,
        /** Corrections and retractions name a report that exists. */
        UNKNOWN_REPORT,
        /** A retracted report can be neither corrected nor retracted again. */
        REPORT_RETRACTED,
        /** A revision changes the wording, the target or the due date. */
        NOTHING_REVISED
    }

    private final Rule rule;

    CommitmentRuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }
}
