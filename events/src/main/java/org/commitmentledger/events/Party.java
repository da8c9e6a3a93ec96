package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Set;

/** A committed party, named by its ISO 3166-1 alpha-2 country code (US, MX, ...). */
public record Party(@JsonValue String code) {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Party {
        if (!isValid(code)) {
            throw new IllegalArgumentException("party must be an ISO 3166-1 alpha-2 code, got " + code);
        }
    }

    public static boolean isValid(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
