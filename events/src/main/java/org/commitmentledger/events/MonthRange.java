package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.YearMonth;

/** The months from {@code from} to {@code to}, both included. */
public record MonthRange(
        @JsonProperty(required = true) YearMonth from,
        @JsonProperty(required = true) YearMonth to) {

    public MonthRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a month range needs from <= to, got " + from + ".." + to);
        }
    }
}
