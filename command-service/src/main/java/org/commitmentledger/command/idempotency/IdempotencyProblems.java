package org.commitmentledger.command.idempotency;

import org.commitmentledger.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class IdempotencyProblems {

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException reused) {
        return ResponseEntity.status(Problems.IDEMPOTENCY_KEY_REUSED.status())
                .body(Problems.IDEMPOTENCY_KEY_REUSED.detail(reused.getMessage()));
    }
}
