package org.commitmentledger.query.web;

import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The two time axes of every read: {@code asOf}, the day in the world (which facts had taken effect), and
 * {@code knownAt}, the instant in the ledger (which facts had been recorded). Both default to now.
 */
public record TimePoint(LocalDate asOf, Instant knownAt) {

    /** The days and instants PostgreSQL and its driver store as given; beyond them a read would fail or be wrong. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * The ledger records instants to the microsecond (PostgreSQL's precision), so cutting knownAt to the microsecond
     * changes no answer; the JDBC driver would instead round it half up, and count an event recorded after knownAt.
     */
    public TimePoint {
        knownAt = knownAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static TimePoint parse(String asOf, String knownAt, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = day("asOf", asOf, clock, problems);
        Instant instant = instant("knownAt", knownAt, clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new TimePoint(day, instant);
    }

    /** A day parameter, yyyy-mm-dd; today (UTC) when absent. Adds to {@code problems} and answers null if invalid. */
    public static LocalDate day(String field, String text, Clock clock, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // the same answer as a day out of range
        }
        problems.add(new FieldProblem(field, "must be a date from 0001-01-01 to 9999-12-31, such as 2023-06-30"));
        return null;
    }

    /**
     * An instant parameter, ISO-8601, or a date meaning the end of that day (UTC); now when absent. Adds to
     * {@code problems} and answers null if invalid.
     */
    public static Instant instant(String field, String text, Clock clock, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        Instant instant = null;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                instant = LocalDate.parse(text.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusNanos(1000);
            } catch (DateTimeParseException notADateEither) {
                // the same answer as an instant out of range
            }
        }
        if (instant != null && !instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return instant;
        }
        problems.add(new FieldProblem(field, "must be an instant such as 2026-01-31T12:00:00Z (or a date: the end"
                + " of that day, UTC), from year 0001 to 9999"));
        return null;
    }
}
