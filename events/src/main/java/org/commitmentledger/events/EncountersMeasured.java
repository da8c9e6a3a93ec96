package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * CBP counted {@code count} encounters in {@code period} for one slice of its figures, as published in
 * {@code release}. A later release of the same month and slice supersedes this one ({@code supersedesRelease} names
 * the release it replaces); both stay on record. The count takes effect on the last day of the month it counts.
 */
@Revision("1")
public record EncountersMeasured(
        @JsonProperty(required = true) EncounterDimensions dimensions,
        @JsonProperty(required = true) YearMonth period,
        long count,
        @JsonProperty(required = true) String release,
        String supersedesRelease,
        @JsonProperty(required = true) Source source) implements LedgerEvent {

    @Override
    public String streamId() {
        return dimensions.seriesKey();
    }

    @Override
    public LocalDate effectiveOn() {
        return period.atEndOfMonth();
    }
}
