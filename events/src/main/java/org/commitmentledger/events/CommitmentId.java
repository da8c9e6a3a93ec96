package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a commitment: a lower-case slug such as {@code mx-national-guard-deployment}. */
public record CommitmentId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CommitmentId {
        Slug.require(value, "commitment id");
    }

    public static boolean isValid(String value) {
        return Slug.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
