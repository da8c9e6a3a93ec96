package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a claim: a lower-case slug. */
public record ClaimId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClaimId {
        Slug.require(value, "claim id");
    }

    public static boolean isValid(String value) {
        return Slug.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
