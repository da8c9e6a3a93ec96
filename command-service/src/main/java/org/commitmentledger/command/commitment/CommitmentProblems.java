package org.commitmentledger.command.commitment;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commitmentledger.command.commitment.CommitmentRuleViolation.Rule;
import org.commitmentledger.platform.web.ProblemType;
import org.commitmentledger.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The problems the commitment API answers with, one stable type per rule. */
@RestControllerAdvice(assignableTypes = CommitmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommitmentProblems {

    static final ProblemType COMMITMENT_NOT_FOUND =
            new ProblemType("commitment-not-found", HttpStatus.NOT_FOUND, "Unknown commitment");
    static final ProblemType COMMITMENT_EXISTS =
            new ProblemType("commitment-exists", HttpStatus.CONFLICT, "Commitment already exists");

    private static final Map<Rule, ProblemType> RULES = new EnumMap<>(Rule.class);

    static {
        RULES.put(Rule.COMMITMENT_WITHDRAWN, rule(Rule.COMMITMENT_WITHDRAWN, HttpStatus.CONFLICT,
                                                  "Commitment withdrawn"));
        RULES.put(Rule.BEFORE_COMMITMENT_MADE, rule(Rule.BEFORE_COMMITMENT_MADE, HttpStatus.UNPROCESSABLE_CONTENT,
                                                    "Effective before the commitment was made"));
        RULES.put(Rule.DUE_BEFORE_MADE, rule(Rule.DUE_BEFORE_MADE, HttpStatus.UNPROCESSABLE_CONTENT,
                                             "Due before the commitment was made"));
        RULES.put(Rule.NEGATIVE_QUANTITY, rule(Rule.NEGATIVE_QUANTITY, HttpStatus.UNPROCESSABLE_CONTENT,
                                               "Negative quantity"));
        RULES.put(Rule.DUPLICATE_REPORT, rule(Rule.DUPLICATE_REPORT, HttpStatus.CONFLICT, "Report id in use"));
        RULES.put(Rule.UNKNOWN_REPORT, new ProblemType("report-not-found", HttpStatus.NOT_FOUND, "Unknown report"));
        RULES.put(Rule.REPORT_RETRACTED, rule(Rule.REPORT_RETRACTED, HttpStatus.CONFLICT, "Report retracted"));
        RULES.put(Rule.NOTHING_REVISED, rule(Rule.NOTHING_REVISED, HttpStatus.UNPROCESSABLE_CONTENT,
                                             "Nothing revised"));
    }

    private static ProblemType rule(Rule rule, HttpStatus status, String title) {
        return new ProblemType(rule.name().toLowerCase(Locale.ROOT).replace('_', '-'), status, title);
    }

    @ExceptionHandler(CommitmentRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(CommitmentRuleViolation violation) {
        return problem(RULES.get(violation.rule()), violation.getMessage());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException stale) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Versions.etag(stale.actual()))
                .body(Problems.STALE_VERSION.detail(stale.getMessage()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException exists) {
        return problem(COMMITMENT_EXISTS, "A commitment with this id exists already");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException conflict, WebRequest request) {
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return problem(Problems.STALE_VERSION,
                           "Another change to this commitment was recorded first; read it again and retry");
        }
        return problem(Problems.CONCURRENT_MODIFICATION,
                       "Another change to this commitment was recorded at the same moment; retry");
    }

    @ExceptionHandler({AggregateNotFoundException.class, CommitmentNotFoundException.class})
    ResponseEntity<ProblemDetail> unknownCommitment(RuntimeException notFound) {
        return problem(COMMITMENT_NOT_FOUND, "No such commitment");
    }


    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).body(type.detail(detail));
    }
}
