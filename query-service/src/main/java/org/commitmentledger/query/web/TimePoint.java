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

    /**
     * The ledger records instants to the microsecond (PostgreSQL's precision), so cutting knownAt to the microsecond
     * changes no answer; the JDBC driver would instead round it half up, and count an event recorded after knownAt.
     */
    public TimePoint {
        knownAt = knownAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static TimePoint parse(String asOf, String knownAt, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant instant = clock.instant();
        if (asOf != null && !asOf.isBlank()) {
            try {
                day = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("asOf", "must be a date such as 2023-06-30"));
            }
        }
        if (knownAt != null && !knownAt.isBlank()) {
            try {
                instant = Instant.parse(knownAt.strip());
            } catch (DateTimeParseException e) {
                try {
                    instant = LocalDate.parse(knownAt.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                            .minusNanos(1000);
                } catch (DateTimeParseException notADateEither) {
                    problems.add(new FieldProblem("knownAt",
                            "must be an instant such as 2026-01-31T12:00:00Z (or a date: the end of that day, UTC)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new TimePoint(day, instant);
    }
}
