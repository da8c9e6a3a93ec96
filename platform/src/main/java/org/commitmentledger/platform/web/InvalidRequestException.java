package org.commitmentledger.platform.web;

import java.util.List;

/** A request that parsed but whose values break a rule checked before any command is sent. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
