package org.commitmentledger.query.encounter;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlySeriesTests {

    private static final Map<YearMonth, Long> FY2023 = Map.ofEntries(
            Map.entry(YearMonth.of(2022, 10), 231_529L), Map.entry(YearMonth.of(2022, 11), 235_173L),
            Map.entry(YearMonth.of(2022, 12), 252_315L), Map.entry(YearMonth.of(2023, 1), 157_358L),
            Map.entry(YearMonth.of(2023, 2), 156_630L), Map.entry(YearMonth.of(2023, 3), 193_249L),
            Map.entry(YearMonth.of(2023, 4), 211_992L), Map.entry(YearMonth.of(2023, 5), 206_690L),
            Map.entry(YearMonth.of(2023, 6), 144_556L), Map.entry(YearMonth.of(2023, 7), 183_479L),
            Map.entry(YearMonth.of(2023, 8), 232_963L), Map.entry(YearMonth.of(2023, 9), 269_735L));

    private final MonthlySeries series = new MonthlySeries(FY2023);

    @Test
    void measuresJune2023AgainstMayAndTheThreeMonthAverage() {
        MonthlySeries.Month june = series.between(YearMonth.of(2023, 6), YearMonth.of(2023, 6)).get(0);

        assertThat(june.count()).isEqualTo(144_556);
        assertThat(june.changeFromPreviousMonthPercent()).isEqualByComparingTo("-30.1");
        assertThat(june.movingAverage3()).isEqualByComparingTo("187746.0");
        assertThat(june.changeFromYearBeforePercent()).isNull();
    }

    @Test
    void namesTheMostRecentEarlierMonthWithALowerOrHigherCount() {
        assertThat(series.lowestSince(YearMonth.of(2023, 6))).isEmpty();
        assertThat(series.highestSince(YearMonth.of(2023, 6))).contains(YearMonth.of(2023, 5));
        assertThat(series.lowestSince(YearMonth.of(2023, 8))).contains(YearMonth.of(2023, 7));
        assertThat(series.highestSince(YearMonth.of(2023, 9))).isEmpty();
    }

    @Test
    void comparesWithTheSameMonthAYearBefore() {
        Map<YearMonth, Long> twoYears = new TreeMap<>(FY2023);
        twoYears.put(YearMonth.of(2022, 6), 207_834L);

        MonthlySeries.Month june = new MonthlySeries(twoYears)
                .between(YearMonth.of(2023, 6), YearMonth.of(2023, 6)).get(0);

        assertThat(june.changeFromYearBeforePercent()).isEqualByComparingTo("-30.4");
    }

    @Test
    void totalsFiscalYearsFromOctoberToSeptember() {
        assertThat(series.fiscalYears()).containsExactly(new MonthlySeries.FiscalYear(2023, 2_475_669L, 12, true));
    }

    @Test
    void givesAMeanOnlyWhenEveryMonthIsThere() {
        assertThat(series.mean(YearMonth.of(2023, 5), YearMonth.of(2023, 6))).contains(new BigDecimal("175623.0"));
        assertThat(series.mean(YearMonth.of(2022, 9), YearMonth.of(2022, 10))).isEmpty();
        assertThat(series.missing(YearMonth.of(2022, 8), YearMonth.of(2022, 10)))
                .isEqualTo(List.of(YearMonth.of(2022, 8), YearMonth.of(2022, 9)));
    }
}
