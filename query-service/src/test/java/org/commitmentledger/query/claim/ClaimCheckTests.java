package org.commitmentledger.query.claim;

import org.commitmentledger.events.ClaimId;
import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.events.ClaimScope;
import org.commitmentledger.events.ExtremeClaim;
import org.commitmentledger.events.MonthRange;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.Source;
import org.commitmentledger.query.encounter.MonthlySeries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimCheckTests {

    private static final Map<String, List<String>> CBP_LABELS = Map.of(
            "citizenship", List.of("El Salvador", "Guatemala", "Honduras", "Mexico", "Other"));
    private static final YearMonth MAY = YearMonth.of(2023, 5);
    private static final YearMonth JUNE = YearMonth.of(2023, 6);

    @Test
    void aFiftyPercentDecreaseFromMayToJune2023IsNotSupportedByAThirtyPercentOne() {
        ClaimCheck.Result result = ClaimCheck.check(
                claim(ClaimScope.ALL, new BigDecimal("-50"), null), CBP_LABELS, series(Map.of(MAY, 206_690L,
                                                                                              JUNE, 144_556L)));

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(result.measuredChangePercent()).isEqualByComparingTo("-30.1");
    }

    @Test
    void aChangeWithinTheToleranceIsSupported() {
        ClaimCheck.Result result = ClaimCheck.check(
                claim(ClaimScope.ALL, new BigDecimal("-33"), null), CBP_LABELS, series(Map.of(MAY, 206_690L,
                                                                                              JUNE, 144_556L)));

        assertThat(result.verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void aClaimAboutNationalitiesTheFiguresDoNotSeparateCannotBeChecked() {
        ClaimScope chnv = new ClaimScope(null, null, List.of("Cuba", "Haiti", "Nicaragua", "Venezuela"), null, null);

        ClaimCheck.Result result = ClaimCheck.check(claim(chnv, new BigDecimal("-95"), null), CBP_LABELS,
                                                    series(Map.of(MAY, 1L, JUNE, 1L)));

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_VERIFIABLE);
        assertThat(result.reasons()).singleElement().asString().contains("citizenship", "Cuba", "Other");
    }

    @Test
    void lowestSinceIsNotVerifiableWithoutTheMonthsItReachesBackTo() {
        Map<YearMonth, Long> fromOctober2021 = new TreeMap<>();
        for (YearMonth month = YearMonth.of(2021, 10); month.isBefore(JUNE); month = month.plusMonths(1)) {
            fromOctober2021.put(month, 200_000L);
        }
        fromOctober2021.put(JUNE, 144_556L);
        ExtremeClaim lowest = new ExtremeClaim(ExtremeClaim.Kind.LOWEST, JUNE, YearMonth.of(2021, 2));

        ClaimCheck.Result without = ClaimCheck.check(claim(ClaimScope.ALL, null, lowest), CBP_LABELS,
                                                     series(fromOctober2021));
        fromOctober2021.put(YearMonth.of(2021, 2), 100_000L);
        for (YearMonth month = YearMonth.of(2021, 3); month.isBefore(YearMonth.of(2021, 10));
             month = month.plusMonths(1)) {
            fromOctober2021.put(month, 180_000L);
        }
        ClaimCheck.Result with = ClaimCheck.check(claim(ClaimScope.ALL, null, lowest), CBP_LABELS,
                                                  series(fromOctober2021));

        assertThat(without.verdict()).isEqualTo(Verdict.NOT_VERIFIABLE);
        assertThat(without.reasons()).singleElement().asString().contains("start at 2021-10");
        assertThat(with.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(with.measuredSince()).isEqualTo(YearMonth.of(2021, 2));
    }

    @Test
    void aFigureAboutAnotherMetricCannotBeChecked() {
        ClaimRecorded parole = new ClaimRecorded(new ClaimId("chnv-parole-entries"), "SRE", new Party("MX"),
                LocalDate.of(2023, 7, 27), "More than 272,000 entered", "parole-entries", ClaimScope.ALL, null, null,
                null, null, null, null, new Source("003_014a94f56840d97f.txt", null, null, null, "paragraph 9"));

        assertThat(ClaimCheck.check(parole, CBP_LABELS, series(Map.of())).verdict())
                .isEqualTo(Verdict.NOT_VERIFIABLE);
    }

    private static MonthlySeries series(Map<YearMonth, Long> counts) {
        return new MonthlySeries(counts);
    }

    private static ClaimRecorded claim(ClaimScope scope, BigDecimal change, ExtremeClaim extreme) {
        return new ClaimRecorded(new ClaimId("claim-under-test"), "Government of Mexico", new Party("MX"),
                LocalDate.of(2023, 7, 27), "statement", ClaimRecorded.ENCOUNTERS, scope,
                change == null ? null : new MonthRange(MAY, MAY), change == null ? null : new MonthRange(JUNE, JUNE),
                change, extreme, null, null, new Source("003_014a94f56840d97f.txt", null, null, null, "p5"));
    }
}
