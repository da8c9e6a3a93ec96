package org.commitmentledger.query.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The status of every commitment at one point of both axes, for auditors to keep. Built by replaying the log, not
 * from the read model, so it never lags behind the log; it states the point and the last event position it reflects,
 * and the same asOf and knownAt give the same content again.
 */
@RestController
@Tag(name = "audit", description = "Audit trails and exports, for auditors")
class CommitmentExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final List<String> COLUMNS = List.of("as_of", "known_at", "position", "id", "title", "parties",
            "category", "status", "withdrawn", "latest_report_id", "latest_report_effective_on", "progress_quantity",
            "target_quantity", "target_unit", "progress_percent", "made_on", "due_by", "overdue", "reaffirmations",
            "document", "version", "last_event_position");

    private final CommitmentReplay replay;
    private final Clock clock;

    CommitmentExportController(CommitmentReplay replay, Clock clock) {
        this.replay = replay;
        this.clock = clock;
    }

    record StatusExport(LocalDate asOf, Instant knownAt, long position, List<CommitmentView> items) {
    }

    @GetMapping(path = "/api/audit/exports/commitment-status.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every commitment's status at (asOf, knownAt), with the last event position it reflects")
    StatusExport json(@Parameter(description = "the day in the world, yyyy-mm-dd; default today")
                      @RequestParam(required = false) String asOf,
                      @Parameter(description = "the instant in the ledger, ISO-8601; default now")
                      @RequestParam(required = false) String knownAt) {
        return export(TimePoint.parse(asOf, knownAt, clock));
    }

    @GetMapping(path = "/api/audit/exports/commitment-status.csv", produces = "text/csv")
    @Operation(summary = "The same as CSV: a header, then one row per commitment, each naming asOf, knownAt and the"
            + " position")
    ResponseEntity<String> csv(@Parameter(description = "the day in the world, yyyy-mm-dd; default today")
                               @RequestParam(required = false) String asOf,
                               @Parameter(description = "the instant in the ledger, ISO-8601; default now")
                               @RequestParam(required = false) String knownAt) {
        StatusExport export = export(TimePoint.parse(asOf, knownAt, clock));
        StringBuilder csv = new StringBuilder(Csv.line(COLUMNS));
        for (CommitmentView item : export.items()) {
            CommitmentView.LatestReport latest = item.latestReport();
            CommitmentView.Progress progress = item.progress();
            csv.append(Csv.line(Arrays.asList(
                    export.asOf(), export.knownAt(), export.position(), item.id(), item.title(),
                    String.join(";", item.parties()), item.category(), item.status(), item.withdrawn(),
                    latest == null ? null : latest.reportId(), latest == null ? null : latest.effectiveOn(),
                    progress == null ? null : plain(progress.quantity()),
                    progress == null ? null : plain(progress.target()), progress == null ? null : progress.unit(),
                    progress == null ? null : plain(progress.percent()), item.madeOn(), item.dueBy(),
                    item.overdue(), item.reaffirmations(), item.source() == null ? null : item.source().document(),
                    item.version(), item.position())));
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("commitment-status.csv").build().toString())
                .body(csv.toString());
    }

    /** A knownAt still to come is cut to now: the export states what the log held, and the future may add to it. */
    private StatusExport export(TimePoint asked) {
        Instant now = clock.instant();
        TimePoint at = asked.knownAt().isAfter(now) ? new TimePoint(asked.asOf(), now) : asked;
        CommitmentReplay.Snapshot snapshot = replay.all(at);
        return new StatusExport(at.asOf(), at.knownAt(), snapshot.position(),
                                snapshot.states().stream().map(state -> CommitmentView.of(state, at.asOf())).toList());
    }

    /** Spreadsheets read 40000 but not 4E+4. */
    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
