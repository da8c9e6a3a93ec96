package org.commitmentledger.events;

import java.time.YearMonth;

/** "{@code period} was the lowest (or highest) since {@code since}". */
public record ExtremeClaim(Kind kind, YearMonth period, YearMonth since) {

    public enum Kind { LOWEST, HIGHEST }
}
