package org.commitmentledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.platform.eventstore.Checkpoint;
import org.commitmentledger.platform.eventstore.EventLog;
import org.commitmentledger.platform.eventstore.EventLogVerifier;
import org.commitmentledger.platform.eventstore.LoggedEvent;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "The raw event log, and proof that it was not altered (AUDITOR)")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final ProblemType CHECKPOINT_NOT_FOUND =
            new ProblemType("checkpoint-not-found", HttpStatus.NOT_FOUND, "Unknown checkpoint");

    private final EventLog log;
    private final EventLogVerifier verifier;
    private final JsonMapper json;
    private final Clock clock;

    AuditController(EventLog log, EventLogVerifier verifier, JsonMapper json, Clock clock) {
        this.log = log;
        this.verifier = verifier;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(value = "/events", produces = "application/x-ndjson")
    @Operation(summary = "The raw event log as NDJSON, one event per line with all its metadata, in commit order",
               description = "Streams in constant memory. To resume, pass the position of the last line received as"
                       + " `after`: commit order is final, so no event that committed late is missed.")
    ResponseEntity<StreamingResponseBody> events(
            @Parameter(description = "only events recorded at or before this instant (default: now)")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = "only this stream (a commitment id, an encounter series key, claim.<id>)")
            @RequestParam(required = false) String stream,
            @Parameter(description = "only events delivered after the event at this global position")
            @RequestParam(required = false) Long after) {
        Instant until = TimePoint.parse(null, knownAt, clock).knownAt();
        if (after != null && !log.contains(after)) {
            throw new InvalidRequestException(List.of(new FieldProblem("after", "no event has global position "
                    + after + "; pass the position of the last event you received")));
        }
        EventLog.Query query = EventLog.Query.all().stream(blankToNull(stream)).recordedUntil(until).after(after);
        StreamingResponseBody body = output -> write(query, output);
        return ResponseEntity.ok().contentType(NDJSON).header("Ledger-Known-At", until.toString()).body(body);
    }

    private void write(EventLog.Query query, OutputStream output) {
        try (JsonGenerator generator = json.writer().withRootValueSeparator((String) null).createGenerator(output)) {
            log.read(query, event -> {
                writeLine(generator, event);
                generator.writeRaw('\n');
            });
        }
    }

    private void writeLine(JsonGenerator generator, LoggedEvent event) {
        JsonNode metaData = json.readTree(event.metaData());
        generator.writeStartObject();
        generator.writeNumberProperty("position", event.position());
        generator.writeStringProperty("eventId", event.eventId());
        generator.writeStringProperty("streamType", event.streamType());
        generator.writeStringProperty("stream", event.streamId());
        generator.writeNumberProperty("sequence", event.sequence());
        generator.writeStringProperty("type", event.payloadType());
        generator.writeStringProperty("revision", event.payloadRevision());
        generator.writeStringProperty("recordedAt", event.recordedAt().toString());
        generator.writeStringProperty("effectiveOn",
                                      event.effectiveOn() == null ? null : event.effectiveOn().toString());
        generator.writeStringProperty("principal", text(metaData, "principal"));
        generator.writeStringProperty("correlationId", text(metaData, "correlationId"));
        generator.writeStringProperty("causationId", text(metaData, "causationId"));
        generator.writeStringProperty("hash", event.hash());
        generator.writeName("metaData");
        generator.writeTree(metaData);
        generator.writeName("payload");
        generator.writeRawValue(event.payload());
        generator.writeEndObject();
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }

    record VerificationView(String status, Instant knownAt, long eventsChecked, long checkpointsChecked,
                            Checkpoint lastCheckpoint, EventLogVerifier.BrokenLink brokenLink) {
    }

    @GetMapping(value = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute every hash chain and checkpoint as the log stood at knownAt",
               description = "status OK, or BROKEN with the first broken link: the stream, sequence and event id of"
                       + " an altered or missing event, or the checkpoint that no longer matches")
    VerificationView verify(@RequestParam(required = false) String knownAt) {
        Instant until = TimePoint.parse(null, knownAt, clock).knownAt();
        EventLogVerifier.Verification verification = verifier.verify(until);
        return new VerificationView(verification.intact() ? "OK" : "BROKEN", until, verification.eventsChecked(),
                                    verification.checkpointsChecked(), verification.lastCheckpoint().orElse(null),
                                    verification.brokenLink().orElse(null));
    }

    @GetMapping(value = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The checkpoints written by knownAt: keep a number and its digest to have the log proven"
            + " unchanged later")
    List<Checkpoint> checkpoints(@RequestParam(required = false) String knownAt) {
        return verifier.checkpoints(TimePoint.parse(null, knownAt, clock).knownAt());
    }

    record ProofView(long checkpoint, long eventCount, long lastPosition, String keptDigest,
                     String recomputedDigest, boolean unchanged, EventLogVerifier.BrokenLink brokenLink) {
    }

    @GetMapping(value = "/checkpoints/{number}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute the log up to a checkpoint from the events themselves and compare it with the"
            + " digest you kept")
    ProofView proof(@PathVariable long number,
                    @Parameter(description = "the checkpoint digest you kept, hex")
                    @RequestParam String digest) {
        if (!isHex(digest)) {
            throw new InvalidRequestException(List.of(new FieldProblem("digest",
                    "must be the 64 hex digits of a SHA-256 digest")));
        }
        Optional<EventLogVerifier.Proof> proof = verifier.prove(number, digest);
        EventLogVerifier.Proof found = proof.orElseThrow(() -> new ProblemException(CHECKPOINT_NOT_FOUND,
                "There is no checkpoint " + number + "."));
        return new ProofView(number, found.eventCount(), found.lastPosition(), digest.strip().toLowerCase(),
                             found.recomputedDigest(), found.unchanged(), found.brokenLink().orElse(null));
    }

    private static boolean isHex(String digest) {
        String value = digest.strip();
        if (value.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
