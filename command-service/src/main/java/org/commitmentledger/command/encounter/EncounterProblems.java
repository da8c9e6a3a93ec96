package org.commitmentledger.command.encounter;

import org.commitmentledger.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = {EncounterController.class, EncounterImportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class EncounterProblems {

    static final ProblemType INVALID_FILE =
            new ProblemType("invalid-cbp-file", HttpStatus.BAD_REQUEST, "Invalid CBP encounters file");
    static final ProblemType RELEASE_CONFLICT =
            new ProblemType("release-conflict", HttpStatus.CONFLICT, "Release already recorded differently");

    @ExceptionHandler(CbpEncounterFile.InvalidFileException.class)
    ResponseEntity<ProblemDetail> invalidFile(CbpEncounterFile.InvalidFileException invalid) {
        ProblemDetail problem = INVALID_FILE.detail("Nothing was imported: " + invalid.getMessage()
                + (invalid.problemCount() > invalid.problems().size()
                   ? "; the first " + invalid.problems().size() + " are listed" : ""));
        problem.setProperty("problemCount", invalid.problemCount());
        problem.setProperty("errors", invalid.problems());
        return ResponseEntity.status(INVALID_FILE.status()).body(problem);
    }

    @ExceptionHandler(ReleaseConflictException.class)
    ResponseEntity<ProblemDetail> releaseConflict(ReleaseConflictException conflict) {
        return ResponseEntity.status(RELEASE_CONFLICT.status()).body(RELEASE_CONFLICT.detail(conflict.getMessage()));
    }

}
