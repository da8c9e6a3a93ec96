package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.YearMonth;

/** "{@code period} was the lowest (or highest) since {@code since}". */
public record ExtremeClaim(
        @JsonProperty(required = true) Kind kind,
        @JsonProperty(required = true) YearMonth period,
        @JsonProperty(required = true) YearMonth since) {

    public enum Kind { LOWEST, HIGHEST }
}
