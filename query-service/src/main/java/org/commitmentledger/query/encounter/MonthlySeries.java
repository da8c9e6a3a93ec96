package org.commitmentledger.query.encounter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Monthly encounter totals and what readers derive from them. Pure arithmetic over the months the ledger holds: a
 * month that is missing is never guessed.
 */
public final class MonthlySeries {

    private final NavigableMap<YearMonth, Long> counts;

    public MonthlySeries(Map<YearMonth, Long> counts) {
        this.counts = new TreeMap<>(counts);
    }

    public record Month(YearMonth month, long count, BigDecimal changeFromPreviousMonthPercent,
                        BigDecimal changeFromYearBeforePercent, BigDecimal movingAverage3, YearMonth lowestSince,
                        YearMonth highestSince) {
    }

    public record FiscalYear(int fiscalYear, long total, int months, boolean complete) {
    }

    public Optional<Long> count(YearMonth month) {
        return Optional.ofNullable(counts.get(month));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public Optional<YearMonth> first() {
        return counts.isEmpty() ? Optional.empty() : Optional.of(counts.firstKey());
    }

    /** The held months from {@code from} to {@code to} with their changes; earlier months inform the changes. */
    public List<Month> between(YearMonth from, YearMonth to) {
        List<Month> months = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> entry : counts.subMap(from, true, to, true).entrySet()) {
            YearMonth month = entry.getKey();
            long count = entry.getValue();
            months.add(new Month(month, count, change(counts.get(month.minusMonths(1)), count),
                                 change(counts.get(month.minusYears(1)), count), movingAverage(month),
                                 lowestSince(month).orElse(null), highestSince(month).orElse(null)));
        }
        return months;
    }

    /** The most recent earlier month with a lower count: "the lowest since". Empty if the data holds none. */
    public Optional<YearMonth> lowestSince(YearMonth month) {
        long count = counts.get(month);
        return counts.headMap(month, false).descendingMap().entrySet().stream()
                .filter(entry -> entry.getValue() < count).map(Map.Entry::getKey).findFirst();
    }

    /** The most recent earlier month with a higher count: "the highest since". Empty if the data holds none. */
    public Optional<YearMonth> highestSince(YearMonth month) {
        long count = counts.get(month);
        return counts.headMap(month, false).descendingMap().entrySet().stream()
                .filter(entry -> entry.getValue() > count).map(Map.Entry::getKey).findFirst();
    }

    /** Totals per fiscal year (October to September, named by the year it ends in). */
    public List<FiscalYear> fiscalYears() {
        NavigableMap<Integer, long[]> years = new TreeMap<>();
        counts.forEach((month, count) -> {
            int fiscalYear = month.getMonthValue() >= 10 ? month.getYear() + 1 : month.getYear();
            long[] total = years.computeIfAbsent(fiscalYear, year -> new long[2]);
            total[0] += count;
            total[1]++;
        });
        List<FiscalYear> result = new ArrayList<>();
        years.forEach((year, total) -> result.add(new FiscalYear(year, total[0], (int) total[1], total[1] == 12)));
        return result;
    }

    /** The mean count over the months from {@code from} to {@code to}, if the data holds every one of them. */
    public Optional<BigDecimal> mean(YearMonth from, YearMonth to) {
        long total = 0;
        int months = 0;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Long count = counts.get(month);
            if (count == null) {
                return Optional.empty();
            }
            total += count;
            months++;
        }
        return months == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(total).divide(BigDecimal.valueOf(months), 1, RoundingMode.HALF_UP));
    }

    /** The months from {@code from} to {@code to} the data does not hold. */
    public List<YearMonth> missing(YearMonth from, YearMonth to) {
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (!counts.containsKey(month)) {
                missing.add(month);
            }
        }
        return missing;
    }

    static BigDecimal change(Long before, long after) {
        if (before == null || before == 0) {
            return null;
        }
        return percentChange(BigDecimal.valueOf(before), BigDecimal.valueOf(after));
    }

    public static BigDecimal percentChange(BigDecimal before, BigDecimal after) {
        return after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private BigDecimal movingAverage(YearMonth month) {
        Long now = counts.get(month);
        Long one = counts.get(month.minusMonths(1));
        Long two = counts.get(month.minusMonths(2));
        if (one == null || two == null) {
            return null;
        }
        return BigDecimal.valueOf(now + one + two).divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP);
    }
}
