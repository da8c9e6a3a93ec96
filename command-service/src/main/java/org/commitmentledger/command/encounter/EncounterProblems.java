package org.commitmentledger.command.encounter;

import org.commitmentledger.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = EncounterController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EncounterProblems {

    static final ProblemType RELEASE_CONFLICT =
            new ProblemType("release-conflict", HttpStatus.CONFLICT, "Release already recorded differently");

    @ExceptionHandler(ReleaseConflictException.class)
    ResponseEntity<ProblemDetail> releaseConflict(ReleaseConflictException conflict) {
        return ResponseEntity.status(RELEASE_CONFLICT.status()).body(RELEASE_CONFLICT.detail(conflict.getMessage()));
    }

}
