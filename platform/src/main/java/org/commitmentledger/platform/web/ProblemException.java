package org.commitmentledger.platform.web;

/** A failure that maps directly to one problem type. */
public class ProblemException extends RuntimeException {

    private final transient ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
