package org.commitmentledger.query.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.platform.eventstore.LoggedEvent;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A commitment's audit trail, read from the raw log: how the ledger's answer about it (as of one day) changed each
 * time an event was recorded, and what changed between two recorded instants.
 */
@RestController
@RequestMapping(path = "/api/commitments/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "audit", description = "Audit trails and exports, for auditors")
class CommitmentHistoryController {

    private final CommitmentReplay replay;
    private final JsonMapper json;
    private final Clock clock;

    CommitmentHistoryController(CommitmentReplay replay, JsonMapper json, Clock clock) {
        this.replay = replay;
        this.json = json;
        this.clock = clock;
    }

    /** An event as the log recorded it, with who recorded it and why. */
    record AuditedEvent(String eventId, String type, long sequence, long position, Instant recordedAt,
                        LocalDate effectiveOn, String principal, String correlationId, String causationId,
                        JsonNode payload) {
    }

    /**
     * The commitment as of {@code asOf} as the ledger answered from {@code recordedFrom} (when {@code event} was
     * recorded) until {@code recordedTo} (when the next version's event was; null: still the answer at knownAt).
     */
    record Version(Instant recordedFrom, Instant recordedTo, AuditedEvent event, CommitmentView commitment) {
    }

    record History(String id, LocalDate asOf, Instant knownAt, List<Version> versions,
                   List<AuditedEvent> effectiveLater) {
    }

    record Diff(String id, LocalDate asOf, Instant from, Instant to, List<AuditedEvent> events,
                CommitmentView before, CommitmentView after, List<JsonDiff.Change> changes) {
    }

    @GetMapping
    @Operation(summary = "Every version of the commitment as of asOf, in recorded order, each with the event that"
            + " produced it; and the events recorded by knownAt that take effect after asOf")
    History history(@PathVariable String id,
                    @Parameter(description = "the day in the world, yyyy-mm-dd; default today")
                    @RequestParam(required = false) String asOf,
                    @Parameter(description = "the instant in the ledger, ISO-8601; default now")
                    @RequestParam(required = false) String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        List<CommitmentReplay.Step> counted = new ArrayList<>();
        List<AuditedEvent> effectiveLater = new ArrayList<>();
        for (CommitmentReplay.Step step : recorded(id, at)) {
            if (step.counts()) {
                counted.add(step);
            } else {
                effectiveLater.add(audited(step));
            }
        }
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            CommitmentReplay.Step step = counted.get(i);
            Instant until = i + 1 < counted.size() ? counted.get(i + 1).logged().recordedAt() : null;
            versions.add(new Version(step.logged().recordedAt(), until, audited(step),
                                     CommitmentView.of(step.state(), at.asOf())));
        }
        return new History(id, at.asOf(), at.knownAt(), versions, effectiveLater);
    }

    @GetMapping("/diff")
    @Operation(summary = "The events recorded in (from, to] and what they changed in the commitment as of asOf")
    Diff diff(@PathVariable String id,
              @Parameter(description = "an instant, ISO-8601 (or a date: the end of that day, UTC)")
              @RequestParam(required = false) String from,
              @Parameter(description = "an instant not before from, ISO-8601 (or a date: the end of that day, UTC)")
              @RequestParam(required = false) String to,
              @Parameter(description = "the day in the world, yyyy-mm-dd; default today")
              @RequestParam(required = false) String asOf) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = TimePoint.day("asOf", asOf, clock, problems);
        Instant start = required("from", from, problems);
        Instant end = required("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TimePoint before = new TimePoint(day, start);
        TimePoint after = new TimePoint(day, end);
        CommitmentState stateBefore = null;
        CommitmentState stateAfter = null;
        List<AuditedEvent> events = new ArrayList<>();
        for (CommitmentReplay.Step step : recorded(id, after)) {
            if (step.logged().recordedAt().isAfter(before.knownAt())) {
                events.add(audited(step));
            } else {
                stateBefore = step.state();
            }
            stateAfter = step.state();
        }
        CommitmentView viewBefore = stateBefore == null ? null : CommitmentView.of(stateBefore, day);
        CommitmentView viewAfter = stateAfter == null ? null : CommitmentView.of(stateAfter, day);
        return new Diff(id, day, before.knownAt(), after.knownAt(), events, viewBefore, viewAfter,
                        JsonDiff.between(json.valueToTree(viewBefore), json.valueToTree(viewAfter)));
    }

    private List<CommitmentReplay.Step> recorded(String id, TimePoint at) {
        List<CommitmentReplay.Step> steps = replay.history(id, at);
        if (steps.isEmpty()) {
            throw new ProblemException(CommitmentQueryController.COMMITMENT_NOT_FOUND,
                    "No commitment with id " + id + " was recorded by " + at.knownAt());
        }
        return steps;
    }

    private Instant required(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required: an instant such as 2026-01-31T12:00:00Z"));
            return null;
        }
        return TimePoint.instant(field, value, clock, problems);
    }

    private AuditedEvent audited(CommitmentReplay.Step step) {
        LoggedEvent logged = step.logged();
        JsonNode metaData = json.readTree(logged.metaData());
        return new AuditedEvent(logged.eventId(), step.event().getClass().getSimpleName(), logged.sequence(),
                                logged.position(), logged.recordedAt(), logged.effectiveOn(),
                                text(metaData, "principal"), text(metaData, "correlationId"),
                                text(metaData, "causationId"), json.readTree(logged.payload()));
    }

    private static String text(JsonNode metaData, String name) {
        JsonNode value = metaData.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
