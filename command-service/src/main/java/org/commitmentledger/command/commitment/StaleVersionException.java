package org.commitmentledger.command.commitment;

/** The request named a version (If-Match) the commitment is no longer at. */
class StaleVersionException extends RuntimeException {

    private final long expected;
    private final long actual;

    StaleVersionException(long expected, long actual) {
        super("The commitment is at version " + actual + ", not " + expected + "; read it again and retry");
        this.expected = expected;
        this.actual = actual;
    }

    long expected() {
        return expected;
    }

    long actual() {
        return actual;
    }
}
