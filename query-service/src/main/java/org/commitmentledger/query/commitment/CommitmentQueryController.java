package org.commitmentledger.query.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "commitments", description = "Where each commitment stands, on both time axes")
class CommitmentQueryController {

    static final ProblemType COMMITMENT_NOT_FOUND =
            new ProblemType("commitment-not-found", HttpStatus.NOT_FOUND, "Unknown commitment");
    private static final Map<String, String> SORTS = Map.of(
            "id", "commitment_id", "title", "title", "madeOn", "made_on", "dueBy", "due_by nulls last",
            "status", "status", "category", "category");
    private static final int MAX_PAGE_SIZE = 200;

    private final CommitmentQueries queries;
    private final Clock clock;

    CommitmentQueryController(CommitmentQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    record PageOfCommitments(LocalDate asOf, Instant knownAt, long position, int page, int size, long total,
                             List<CommitmentView> items) {
    }

    record CommitmentDetail(LocalDate asOf, Instant knownAt, CommitmentView commitment,
                            List<CommitmentQueries.TimelineEntry> timeline) {
    }

    @GetMapping("/api/commitments")
    @Operation(summary = "Commitments with their status, filtered, paged and sorted")
    PageOfCommitments list(
            @Parameter(description = "ISO 3166-1 alpha-2 code of a committed party") @RequestParam(required = false)
            String party,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @Parameter(description = "the source document's file name") @RequestParam(required = false)
            String document,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "id, title, madeOn, dueBy, status or category; add ,desc to reverse")
            @RequestParam(defaultValue = "id") String sort,
            @Parameter(description = "the day in the world, yyyy-mm-dd; default today") @RequestParam(required = false)
            String asOf,
            @Parameter(description = "the instant in the ledger, ISO-8601; default now") @RequestParam(required = false)
            String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        List<FieldProblem> problems = new ArrayList<>();
        requireOneOf("status", status, Arrays.stream(ProgressStatus.values()).map(Enum::name).toList(), problems);
        requireOneOf("category", category, Arrays.stream(Category.values()).map(Enum::name).toList(), problems);
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        String orderBy = orderBy(sort, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        CommitmentQueries.Page result = queries.list(at, new CommitmentQueries.Filter(
                party == null ? null : party.toUpperCase(Locale.ROOT), status, category, document, overdue),
                orderBy, page, size);
        return new PageOfCommitments(at.asOf(), at.knownAt(), queries.position(at), page, size, result.total(),
                                     result.states().stream().map(state -> CommitmentView.of(state, at.asOf()))
                                             .toList());
    }

    @GetMapping("/api/commitments/{id}")
    @Operation(summary = "One commitment with its timeline of events in effective-date order")
    ResponseEntity<CommitmentDetail> one(@PathVariable String id,
                                         @RequestParam(required = false) String asOf,
                                         @RequestParam(required = false) String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        CommitmentState state = queries.one(id, at).orElseThrow(() -> new ProblemException(COMMITMENT_NOT_FOUND,
                "No commitment with id " + id + " as of " + at.asOf() + ", known at " + at.knownAt()));
        return ResponseEntity.ok()
                .eTag("\"" + state.version() + "\"")
                .body(new CommitmentDetail(at.asOf(), at.knownAt(), CommitmentView.of(state, at.asOf()),
                                           queries.timeline(id, at)));
    }

    @GetMapping("/api/summary")
    @Operation(summary = "Counts by status for each party, document and category, and the overdue list")
    Summary summary(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        List<CommitmentQueries.Standing> states = queries.standings(at);
        Map<String, Map<String, Integer>> byParty = new TreeMap<>();
        Map<String, Map<String, Integer>> byDocument = new TreeMap<>();
        Map<String, Map<String, Integer>> byCategory = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        List<Summary.Overdue> overdue = new ArrayList<>();
        for (CommitmentQueries.Standing state : states) {
            String status = state.status();
            state.parties().forEach(party -> count(byParty, party, status));
            count(byDocument, state.document() == null ? "unknown" : state.document(), status);
            count(byCategory, state.category(), status);
            byStatus.merge(status, 1, Integer::sum);
            if (state.overdue()) {
                overdue.add(new Summary.Overdue(state.id(), state.title(), state.dueBy(), status));
            }
        }
        overdue.sort((a, b) -> a.dueBy().compareTo(b.dueBy()));
        return new Summary(at.asOf(), at.knownAt(), queries.position(at), states.size(), byStatus, byParty,
                           byDocument, byCategory, overdue);
    }

    record Summary(LocalDate asOf, Instant knownAt, long position, int commitments, Map<String, Integer> byStatus,
                   Map<String, Map<String, Integer>> byParty, Map<String, Map<String, Integer>> byDocument,
                   Map<String, Map<String, Integer>> byCategory, List<Overdue> overdue) {

        record Overdue(String id, String title, LocalDate dueBy, String status) {
        }
    }

    private static void count(Map<String, Map<String, Integer>> counts, String key, String status) {
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    private static void requireOneOf(String field, String value, List<String> allowed, List<FieldProblem> problems) {
        if (value != null && !allowed.contains(value)) {
            problems.add(new FieldProblem(field, "must be one of " + String.join(", ", allowed)));
        }
    }

    private static String orderBy(String sort, List<FieldProblem> problems) {
        String[] parts = sort.split(",");
        String column = SORTS.get(parts[0].strip());
        boolean descending = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc");
        if (column == null || parts.length > 2 || (parts.length == 2 && !descending
                && !parts[1].strip().equalsIgnoreCase("asc"))) {
            problems.add(new FieldProblem("sort", "must be one of " + String.join(", ", SORTS.keySet())
                    + ", optionally followed by ,asc or ,desc"));
            return null;
        }
        String direction = descending ? " desc" : "";
        return column.replace(" nulls last", direction + " nulls last")
                + (column.contains("nulls") ? "" : direction) + ", commitment_id";
    }
}
