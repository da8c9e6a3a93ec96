package org.commitmentledger.query.web;

import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TimePointTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T12:00:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTodayAndNowCutToTheMicrosecond() {
        TimePoint at = TimePoint.parse(null, " ", CLOCK);

        assertThat(at).isEqualTo(new TimePoint(LocalDate.of(2026, 1, 31),
                                               Instant.parse("2026-01-31T12:00:00.123456Z")));
    }

    @Test
    void cutsKnownAtToTheMicrosecondRatherThanRoundingItUp() {
        assertThat(TimePoint.parse("2023-06-30", "2023-07-01T00:00:00.000000999Z", CLOCK).knownAt())
                .isEqualTo(Instant.parse("2023-07-01T00:00:00Z"));
    }

    @Test
    void readsADayAsKnownAtAsTheLastMicrosecondOfThatDay() {
        assertThat(TimePoint.parse(null, "2023-06-30", CLOCK).knownAt())
                .isEqualTo(Instant.parse("2023-06-30T23:59:59.999999Z"));
        assertThat(TimePoint.parse("9999-12-31", "9999-12-31", CLOCK))
                .isEqualTo(new TimePoint(LocalDate.of(9999, 12, 31), Instant.parse("9999-12-31T23:59:59.999999Z")));
    }

    @Test
    void refusesWhatIsNoDayOrInstantTheDatabaseCanHold() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> TimePoint.parse("+10000-01-01", "+1000000000-01-01T00:00:00Z", CLOCK));

        assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("asOf", "knownAt");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> TimePoint.parse("2023-02-30", "yesterday", CLOCK)).errors()).hasSize(2);
    }
}
