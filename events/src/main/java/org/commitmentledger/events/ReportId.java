package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one progress report within its commitment. */
public record ReportId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReportId {
        Slug.require(value, "report id");
    }

    public static boolean isValid(String value) {
        return Slug.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
