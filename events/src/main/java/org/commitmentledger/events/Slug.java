package org.commitmentledger.events;

import java.util.regex.Pattern;

final class Slug {

    private static final Pattern PATTERN = Pattern.compile("[a-z0-9-]{3,100}");

    private Slug() {
    }

    static String require(String value, String what) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match [a-z0-9-]{3,100}, got " + value);
        }
        return value;
    }

    static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
