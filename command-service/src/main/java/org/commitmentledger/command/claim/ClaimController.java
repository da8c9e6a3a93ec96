package org.commitmentledger.command.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.commitmentledger.command.idempotency.IdempotentCommands;
import org.commitmentledger.command.web.ReadSide;
import org.commitmentledger.events.ClaimId;
import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.events.ClaimScope;
import org.commitmentledger.events.ExtremeClaim;
import org.commitmentledger.events.Figure;
import org.commitmentledger.events.MonthRange;
import org.commitmentledger.events.Party;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping(path = "/api/claims", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "claims", description = "Record what a party claimed about an outcome")
class ClaimController {

    static final ProblemType CLAIM_EXISTS = new ProblemType("claim-exists", HttpStatus.CONFLICT,
                                                            "Claim already recorded");

    private final IdempotentCommands commands;
    private final ReadSide readSide;

    ClaimController(IdempotentCommands commands, ReadSide readSide) {
        this.commands = commands;
        this.readSide = readSide;
    }

    @PostMapping
    @Operation(summary = "Record a claim (ClaimRecorded)")
    ResponseEntity<ClaimAccepted> record(@Valid @RequestBody ClaimRequest request,
                                         @RequestHeader(name = IdempotentCommands.HEADER, required = false)
                                         String idempotencyKey) {
        ClaimRecorded claim = toEvent(request);
        commands.send(new RecordClaim(claim.streamId(), claim), idempotencyKey, "POST /api/claims", request);
        return ResponseEntity.created(readSide.claim(request.id())).body(new ClaimAccepted(request.id()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException exists) {
        return ResponseEntity.status(CLAIM_EXISTS.status()).body(CLAIM_EXISTS.detail(
                "A claim with this id is recorded already"));
    }

    private static ClaimRecorded toEvent(ClaimRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.party() != null && !Party.isValid(request.party())) {
            problems.add(new FieldProblem("party", request.party() + " is not an ISO 3166-1 alpha-2 code"));
        }
        MonthRange baseline = months(request.baseline(), "baseline", problems);
        MonthRange comparison = months(request.comparison(), "comparison", problems);
        if (request.claimedChangePercent() != null && (baseline == null || comparison == null)) {
            problems.add(new FieldProblem("claimedChangePercent", "a claimed change needs baseline and comparison"));
        }
        ExtremeClaim extreme = null;
        if (request.claimedExtreme() != null) {
            YearMonth period = YearMonth.parse(request.claimedExtreme().period());
            YearMonth since = YearMonth.parse(request.claimedExtreme().since());
            if (!since.isBefore(period)) {
                problems.add(new FieldProblem("claimedExtreme.since", "must be before the claimed period"));
            }
            extreme = new ExtremeClaim(ExtremeClaim.Kind.valueOf(request.claimedExtreme().kind()), period, since);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ClaimRequest.Scope scope = request.scope();
        return new ClaimRecorded(
                new ClaimId(request.id()), request.claimant(),
                request.party() == null ? null : new Party(request.party()), request.claimedOn(),
                request.statement(), request.metric(),
                scope == null ? ClaimScope.ALL : new ClaimScope(scope.component(), scope.demographic(),
                        scope.citizenship(), scope.titleOfAuthority(), scope.encounterType()),
                baseline, comparison, request.claimedChangePercent(), extreme,
                request.figure() == null ? null : new Figure(request.figure().value(), request.figure().unit(),
                        request.figure().asWritten(), Boolean.TRUE.equals(request.figure().uncertain())),
                request.tolerancePercentagePoints(), request.source().toSource());
    }

    private static MonthRange months(ClaimRequest.Months months, String field, List<FieldProblem> problems) {
        if (months == null) {
            return null;
        }
        YearMonth from = YearMonth.parse(months.from());
        YearMonth to = YearMonth.parse(months.to());
        if (to.isBefore(from)) {
            problems.add(new FieldProblem(field, "to must not be before from"));
            return null;
        }
        return new MonthRange(from, to);
    }

    record ClaimAccepted(String claimId) {
    }
}
