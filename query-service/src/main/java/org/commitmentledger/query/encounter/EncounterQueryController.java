package org.commitmentledger.query.encounter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.commitmentledger.query.commitment.CommitmentCalendar;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/encounters")
@Tag(name = "encounters", description = "What CBP's figures say, month by month")
class EncounterQueryController {

    static final ProblemType COMMITMENT_NOT_FOUND =
            new ProblemType("commitment-not-found", HttpStatus.NOT_FOUND, "Unknown commitment");
    private static final Pattern RELEASE = Pattern.compile("[\\p{L}\\p{N} ._:()/+-]{1,100}");
    private static final int MAX_MONTHS = 600;

    private final EncounterFigures figures;
    private final CommitmentCalendar commitments;
    private final Clock clock;

    EncounterQueryController(EncounterFigures figures, CommitmentCalendar commitments, Clock clock) {
        this.figures = figures;
        this.commitments = commitments;
        this.clock = clock;
    }

    record Monthly(LocalDate asOf, Instant knownAt, String release, Map<String, List<String>> filter,
                   List<MonthlySeries.Month> months) {
    }

    record FiscalYears(LocalDate asOf, Instant knownAt, String release, Map<String, List<String>> filter,
                       List<MonthlySeries.FiscalYear> fiscalYears) {
    }

    record BeforeAfter(LocalDate asOf, Instant knownAt, String commitmentId, LocalDate madeOn, int months,
                       Window before, Window after, BigDecimal changePercent) {

        record Window(YearMonth from, YearMonth to, BigDecimal meanMonthly, List<YearMonth> missing) {
        }
    }

    @GetMapping(path = "/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Monthly totals with month-on-month and year-on-year change, 3-month average, lowest and "
            + "highest since; filter by component, demographic, citizenship, titleOfAuthority, encounterType")
    Monthly monthly(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String release, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String knownAt,
                    @RequestParam MultiValueMap<String, String> parameters) {
        Query query = query(from, to, release, asOf, knownAt, parameters);
        return new Monthly(query.at().asOf(), query.at().knownAt(), query.release(), query.filter().labels(),
                           query.months());
    }

    @GetMapping(path = "/monthly.svg", produces = "image/svg+xml")
    @Operation(summary = "The monthly series as an SVG chart, commitment dates marked")
    ResponseEntity<String> chart(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String release,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String knownAt,
                                 @RequestParam MultiValueMap<String, String> parameters) {
        Query query = query(from, to, release, asOf, knownAt, parameters);
        List<CommitmentCalendar.Made> made = query.months().isEmpty() ? List.of()
                : commitments.madeBetween(query.at(), query.months().get(0).month().atDay(1),
                                          query.months().get(query.months().size() - 1).month().atEndOfMonth());
        String title = "Southwest border encounters per month" + (query.filter().labels().isEmpty() ? ""
                : " " + query.filter().labels()) + (query.release() == null ? "" : ", release " + query.release());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(SvgChart.draw(title, query.months(), made));
    }

    @GetMapping(path = "/fiscal-years", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Totals per fiscal year (October to September)")
    FiscalYears fiscalYears(@RequestParam(required = false) String release,
                            @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String knownAt,
                            @RequestParam MultiValueMap<String, String> parameters) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        DimensionFilter filter = DimensionFilter.from(parameters);
        String checkedRelease = release(release);
        return new FiscalYears(at.asOf(), at.knownAt(), checkedRelease, filter.labels(),
                               figures.monthly(at, filter, checkedRelease).fiscalYears());
    }

    @GetMapping(path = "/around/{commitmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mean monthly encounters in the N months before and after the month a commitment was made")
    BeforeAfter around(@PathVariable String commitmentId, @RequestParam(defaultValue = "6") int months,
                       @RequestParam(required = false) String release, @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String knownAt,
                       @RequestParam MultiValueMap<String, String> parameters) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        if (months < 1 || months > 60) {
            throw new InvalidRequestException(List.of(new FieldProblem("months", "must be between 1 and 60")));
        }
        CommitmentCalendar.Made made = commitments.made(commitmentId, at).orElseThrow(() -> new ProblemException(
                COMMITMENT_NOT_FOUND, "No commitment with id " + commitmentId));
        MonthlySeries series = figures.monthly(at, DimensionFilter.from(parameters), release(release));
        YearMonth month = YearMonth.from(made.madeOn());
        BeforeAfter.Window before = window(series, month.minusMonths(months), month.minusMonths(1));
        BeforeAfter.Window after = window(series, month.plusMonths(1), month.plusMonths(months));
        BigDecimal change = before.meanMonthly() == null || after.meanMonthly() == null
                || before.meanMonthly().signum() == 0 ? null
                : MonthlySeries.percentChange(before.meanMonthly(), after.meanMonthly());
        return new BeforeAfter(at.asOf(), at.knownAt(), commitmentId, made.madeOn(), months, before, after, change);
    }

    private static BeforeAfter.Window window(MonthlySeries series, YearMonth from, YearMonth to) {
        return new BeforeAfter.Window(from, to, series.mean(from, to).orElse(null), series.missing(from, to));
    }

    private Query query(String from, String to, String release, String asOf, String knownAt,
                        MultiValueMap<String, String> parameters) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth fromMonth = month("from", from, problems);
        YearMonth toMonth = month("to", to, problems);
        if (fromMonth != null && toMonth != null && toMonth.isBefore(fromMonth)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        DimensionFilter filter = DimensionFilter.from(parameters);
        String checkedRelease = release(release);
        MonthlySeries series = figures.monthly(at, filter, checkedRelease);
        YearMonth start = fromMonth != null ? fromMonth : series.first().orElse(YearMonth.from(at.asOf()));
        YearMonth end = toMonth != null ? toMonth : YearMonth.from(at.asOf());
        if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "at most " + MAX_MONTHS
                    + " months at once")));
        }
        return new Query(at, filter, checkedRelease, series.between(start, end));
    }

    private static String release(String release) {
        if (release == null || release.isBlank()) {
            return null;
        }
        if (!RELEASE.matcher(release.strip()).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem("release", "is not a release label")));
        }
        return release.strip();
    }

    private static YearMonth month(String name, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a month such as 2023-06"));
            return null;
        }
    }

    private record Query(TimePoint at, DimensionFilter filter, String release, List<MonthlySeries.Month> months) {
    }
}
