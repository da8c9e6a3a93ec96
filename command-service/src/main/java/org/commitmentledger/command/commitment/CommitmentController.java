package org.commitmentledger.command.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.commitmentledger.command.commitment.CommitmentCommands.CorrectProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReaffirmCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.ReportProgress;
import org.commitmentledger.command.commitment.CommitmentCommands.RetractProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReviseCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.WithdrawCommitment;
import org.commitmentledger.command.commitment.CommitmentRequests.CorrectionRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.MakeCommitmentRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.ReaffirmationRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.ReportProgressRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.RetractionRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.RevisionRequest;
import org.commitmentledger.command.commitment.CommitmentRequests.WithdrawalRequest;
import org.commitmentledger.command.idempotency.IdempotentCommands;
import org.commitmentledger.command.web.ReadSide;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The monitors' write API for commitments. Every write answers 201 with the new version as ETag; If-Match makes a
 * write conditional on the version the monitor read; Idempotency-Key makes a retry safe.
 */
@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "commitments", description = "Record commitments and what happened to them")
class CommitmentController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdempotentCommands commands;
    private final ReadSide readSide;

    CommitmentController(IdempotentCommands commands, ReadSide readSide) {
        this.commands = commands;
        this.readSide = readSide;
    }

    @PostMapping
    @Operation(summary = "Record a commitment (CommitmentMade)")
    ResponseEntity<WriteAccepted> make(@Valid @RequestBody MakeCommitmentRequest request,
                                       @RequestHeader(name = IdempotentCommands.HEADER, required = false)
                                       String idempotencyKey) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String code : request.parties()) {
            if (!Party.isValid(code)) {
                problems.add(new FieldProblem("parties", code + " is not an ISO 3166-1 alpha-2 code"));
            }
        }
        if (request.parties().stream().distinct().count() != request.parties().size()) {
            problems.add(new FieldProblem("parties", "each party may be named once"));
        }
        if (request.dueBy() != null && request.dueBy().isBefore(request.madeOn())) {
            problems.add(new FieldProblem("dueBy", "must not be before madeOn"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        CommitmentId id = request.id() != null ? new CommitmentId(request.id()) : CommitmentIds.from(request.title());
        commands.send(new MakeCommitment(
                        id, request.title(), request.description(), request.parties().stream().map(Party::new).toList(),
                        request.category(), request.madeOn(),
                        request.target() == null ? null : request.target().toTarget(), request.dueBy(),
                        request.source().toSource()),
                idempotencyKey, "POST /api/commitments", request);
        return accepted(readSide.commitment(id.value()), new WriteAccepted(id.value(), 0, null));
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Report progress on a commitment (ProgressReported)")
    ResponseEntity<WriteAccepted> reportProgress(
            @PathVariable String id, @Valid @RequestBody ReportProgressRequest request,
            @Parameter(description = "the version (ETag) the monitor read")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey,
            Authentication caller) {
        CommitmentId commitmentId = commitmentId(id);
        ReportId reportId = new ReportId(request.reportId() != null ? request.reportId() : generatedReportId());
        ReportRecorded recorded = commands.send(new ReportProgress(
                        commitmentId, Versions.fromIfMatch(ifMatch), reportId, request.effectiveOn(),
                        request.status(), request.quantity(), request.quantityAsWritten(),
                        Boolean.TRUE.equals(request.quantityUncertain()), request.summary(),
                        request.source().toSource(), assessor(request.assessor(), caller)),
                idempotencyKey, "POST /api/commitments/" + id + "/progress", request);
        return accepted(readSide.commitment(id + "/progress/" + recorded.reportId()),
                        new WriteAccepted(id, recorded.version(), recorded.reportId()));
    }

    @PostMapping("/{id}/progress/{reportId}/corrections")
    @Operation(summary = "Replace an earlier progress report (ProgressReportCorrected)")
    ResponseEntity<WriteAccepted> correct(
            @PathVariable String id, @PathVariable String reportId, @Valid @RequestBody CorrectionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey,
            Authentication caller) {
        long version = commands.send(new CorrectProgressReport(
                        commitmentId(id), Versions.fromIfMatch(ifMatch), reportId(reportId), request.effectiveOn(),
                        request.status(), request.quantity(), request.quantityAsWritten(),
                        Boolean.TRUE.equals(request.quantityUncertain()), request.summary(),
                        request.source().toSource(), assessor(request.assessor(), caller), request.reason()),
                idempotencyKey, "POST /api/commitments/" + id + "/progress/" + reportId + "/corrections", request);
        return accepted(readSide.commitment(id + "/progress/" + reportId), new WriteAccepted(id, version, reportId));
    }

    @PostMapping("/{id}/progress/{reportId}/retraction")
    @Operation(summary = "Retract an earlier progress report (ProgressReportRetracted)")
    ResponseEntity<WriteAccepted> retract(
            @PathVariable String id, @PathVariable String reportId, @Valid @RequestBody RetractionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        long version = commands.send(new RetractProgressReport(
                        commitmentId(id), Versions.fromIfMatch(ifMatch), reportId(reportId), request.effectiveOn(),
                        request.source() == null ? null : request.source().toSource(), request.reason()),
                idempotencyKey, "POST /api/commitments/" + id + "/progress/" + reportId + "/retraction", request);
        return accepted(readSide.commitment(id + "/progress/" + reportId), new WriteAccepted(id, version, reportId));
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "Change a commitment's wording, target or due date (CommitmentRevised)")
    ResponseEntity<WriteAccepted> revise(
            @PathVariable String id, @Valid @RequestBody RevisionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        long version = commands.send(new ReviseCommitment(
                        commitmentId(id), Versions.fromIfMatch(ifMatch), request.effectiveOn(), request.title(),
                        request.description(), request.target() == null ? null : request.target().toTarget(),
                        request.dueBy(), request.source().toSource(), request.reason()),
                idempotencyKey, "POST /api/commitments/" + id + "/revisions", request);
        return accepted(readSide.commitment(id), new WriteAccepted(id, version, null));
    }

    @PostMapping("/{id}/reaffirmations")
    @Operation(summary = "Record that a later statement reaffirmed the commitment (CommitmentReaffirmed)")
    ResponseEntity<WriteAccepted> reaffirm(
            @PathVariable String id, @Valid @RequestBody ReaffirmationRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        long version = commands.send(new ReaffirmCommitment(
                        commitmentId(id), Versions.fromIfMatch(ifMatch), request.effectiveOn(),
                        request.source().toSource(), request.reason()),
                idempotencyKey, "POST /api/commitments/" + id + "/reaffirmations", request);
        return accepted(readSide.commitment(id), new WriteAccepted(id, version, null));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Record that the commitment no longer holds (CommitmentWithdrawn)")
    ResponseEntity<WriteAccepted> withdraw(
            @PathVariable String id, @Valid @RequestBody WithdrawalRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        long version = commands.send(new WithdrawCommitment(
                        commitmentId(id), Versions.fromIfMatch(ifMatch), request.effectiveOn(),
                        request.source().toSource(), request.reason()),
                idempotencyKey, "POST /api/commitments/" + id + "/withdrawal", request);
        return accepted(readSide.commitment(id), new WriteAccepted(id, version, null));
    }

    private static ResponseEntity<WriteAccepted> accepted(URI location, WriteAccepted body) {
        return ResponseEntity.created(location).eTag(Versions.etag(body.version())).body(body);
    }

    private static CommitmentId commitmentId(String id) {
        if (!CommitmentId.isValid(id)) {
            throw new CommitmentNotFoundException(id);
        }
        return new CommitmentId(id);
    }

    private static ReportId reportId(String id) {
        if (!ReportId.isValid(id)) {
            throw new InvalidRequestException(List.of(new FieldProblem("reportId", CommitmentRequests.SLUG_MESSAGE)));
        }
        return new ReportId(id);
    }

    private static String assessor(String given, Authentication caller) {
        return given != null ? given : caller.getName();
    }

    private static String generatedReportId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "report-" + HexFormat.of().formatHex(random);
    }

    /** The answer to every write: the commitment, the version it is now at, and the report written, if any. */
    record WriteAccepted(String commitmentId, long version, String reportId) {
    }
}
