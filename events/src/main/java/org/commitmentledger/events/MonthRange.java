package org.commitmentledger.events;

import java.time.YearMonth;

/** The months from {@code from} to {@code to}, both included. */
public record MonthRange(YearMonth from, YearMonth to) {

    public MonthRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a month range needs from <= to, got " + from + ".." + to);
        }
    }
}
