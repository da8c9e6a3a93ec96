package org.commitmentledger.query.claim;

import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.events.ClaimScope;
import org.commitmentledger.events.ExtremeClaim;
import org.commitmentledger.query.encounter.DimensionFilter;
import org.commitmentledger.query.encounter.MonthlySeries;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a claim against the figures: the measured value and the verdict, with the reason when the figures cannot
 * tell. A claimed change compares the mean monthly count of the comparison months with that of the baseline months;
 * a "lowest (highest) since" claim holds when the most recent earlier month with a lower (higher) count is the month
 * the claim names.
 */
final class ClaimCheck {

    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("5");

    record Result(Verdict verdict, BigDecimal measuredChangePercent, YearMonth measuredSince,
                  BigDecimal tolerancePercentagePoints, List<String> reasons) {
    }

    private ClaimCheck() {
    }

    /** The slice of the figures a claim speaks of. */
    static DimensionFilter filter(ClaimScope scope) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        put(labels, "component", scope.component());
        put(labels, "demographic", scope.demographic());
        put(labels, "citizenship", scope.citizenship());
        put(labels, "titleOfAuthority", scope.titleOfAuthority());
        put(labels, "encounterType", scope.encounterType());
        return new DimensionFilter(labels);
    }

    static Result check(ClaimRecorded claim, Map<String, List<String>> labelsInFigures, MonthlySeries series) {
        BigDecimal tolerance = claim.tolerancePercentagePoints() == null ? DEFAULT_TOLERANCE
                : claim.tolerancePercentagePoints();
        List<String> reasons = new ArrayList<>();
        if (!ClaimRecorded.ENCOUNTERS.equals(claim.metric())) {
            reasons.add("the ledger holds no figures for the metric '" + claim.metric() + "'");
            return new Result(Verdict.NOT_VERIFIABLE, null, null, tolerance, reasons);
        }
        filter(claim.scope()).labels().forEach((dimension, wanted) -> {
            List<String> known = labelsInFigures.getOrDefault(dimension, List.of());
            List<String> unknown = wanted.stream().filter(label -> !known.contains(label)).toList();
            if (!unknown.isEmpty()) {
                reasons.add("the figures have no " + dimension + " " + unknown + "; they hold " + known);
            }
        });
        if (!reasons.isEmpty()) {
            return new Result(Verdict.NOT_VERIFIABLE, null, null, tolerance, reasons);
        }
        if (claim.claimedChangePercent() == null && claim.claimedExtreme() == null) {
            reasons.add("the claim names no change and no record to compare with the figures");
            return new Result(Verdict.NOT_VERIFIABLE, null, null, tolerance, reasons);
        }
        List<Verdict> verdicts = new ArrayList<>();
        BigDecimal measuredChange = null;
        YearMonth measuredSince = null;
        if (claim.claimedChangePercent() != null) {
            Optional<BigDecimal> before = series.mean(claim.baseline().from(), claim.baseline().to());
            Optional<BigDecimal> after = series.mean(claim.comparison().from(), claim.comparison().to());
            List<YearMonth> missing = new ArrayList<>(series.missing(claim.baseline().from(), claim.baseline().to()));
            missing.addAll(series.missing(claim.comparison().from(), claim.comparison().to()));
            if (!missing.isEmpty() || before.isEmpty() || after.isEmpty() || before.get().signum() == 0) {
                reasons.add("the figures lack the months " + missing);
                verdicts.add(Verdict.NOT_VERIFIABLE);
            } else {
                measuredChange = MonthlySeries.percentChange(before.get(), after.get());
                boolean within = measuredChange.subtract(claim.claimedChangePercent()).abs().compareTo(tolerance) <= 0;
                reasons.add("measured " + measuredChange + "% against a claimed " + claim.claimedChangePercent()
                        + "% (tolerance " + tolerance + " percentage points)");
                verdicts.add(within ? Verdict.SUPPORTED : Verdict.NOT_SUPPORTED);
            }
        }
        ExtremeClaim extreme = claim.claimedExtreme();
        if (extreme != null) {
            List<YearMonth> missing = series.missing(extreme.since(), extreme.period());
            String word = extreme.kind() == ExtremeClaim.Kind.LOWEST ? "lowest" : "highest";
            if (!missing.isEmpty()) {
                reasons.add("to tell whether " + extreme.period() + " was the " + word + " since " + extreme.since()
                        + " the figures would need " + extreme.since() + " to " + extreme.period() + "; they lack "
                        + summarize(missing) + series.first().map(first -> " (they start at " + first + ")")
                        .orElse(""));
                verdicts.add(Verdict.NOT_VERIFIABLE);
            } else {
                measuredSince = (extreme.kind() == ExtremeClaim.Kind.LOWEST
                        ? series.lowestSince(extreme.period()) : series.highestSince(extreme.period())).orElse(null);
                boolean holds = extreme.since().equals(measuredSince);
                reasons.add(extreme.period() + " is the " + word + " since "
                        + (measuredSince == null ? "the start of the figures" : measuredSince.toString())
                        + "; the claim says since " + extreme.since());
                verdicts.add(holds ? Verdict.SUPPORTED : Verdict.NOT_SUPPORTED);
            }
        }
        Verdict verdict = verdicts.contains(Verdict.NOT_SUPPORTED) ? Verdict.NOT_SUPPORTED
                : verdicts.contains(Verdict.NOT_VERIFIABLE) ? Verdict.NOT_VERIFIABLE : Verdict.SUPPORTED;
        return new Result(verdict, measuredChange, measuredSince, tolerance, reasons);
    }

    private static String summarize(List<YearMonth> months) {
        return months.size() <= 3 ? months.toString()
                : months.get(0) + " to " + months.get(months.size() - 1) + " (" + months.size() + " months)";
    }

    private static void put(Map<String, List<String>> labels, String dimension, List<String> values) {
        if (values != null && !values.isEmpty()) {
            labels.put(dimension, values);
        }
    }
}
