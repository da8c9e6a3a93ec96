package org.commitmentledger.platform.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure into an RFC 9457 problem with a stable type. Bad input is always a 4xx with a detail that says
 * what was wrong, never an echo of the input, and never a 5xx.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int MAX_DETAIL = 300;

    private static final Map<HttpStatus, ProblemType> BY_STATUS = Map.of(
            HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
            HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
            HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED,
            HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE,
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE,
            HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
            HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
                                                             HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ProblemType type = BY_STATUS.getOrDefault(HttpStatus.resolve(statusCode.value()),
                                                      Problems.INVALID_REQUEST);
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodySizeLimitFilter.BodyTooLargeException tooLarge = causeOfType(ex,
                BodySizeLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(Problems.PAYLOAD_TOO_LARGE, "The body is larger than " + tooLarge.limit
                    + " bytes, the most accepted");
        }
        return problem(Problems.MALFORMED_REQUEST, "The request body could not be read: "
                + truncate(ex.getMostSpecificCause().getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ex.getBindingResult().getGlobalErrors().forEach(error -> log.debug("global validation error {}", error));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError fieldError ? fieldError.getField()
                                : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return invalid(ex.errors());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problemException(ProblemException ex) {
        return problem(ex.type(), ex.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException ex) {
        return problem(Problems.NOT_FOUND, "No stream with id " + ex.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException ex) {
        return problem(Problems.STALE_VERSION, "The resource is at version " + ex.getActualVersion()
                + ", not the version given in If-Match; read it again and retry");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentModification(ConcurrencyException ex) {
        return problem(Problems.CONCURRENT_MODIFICATION,
                       "Another change to the same resource was recorded at the same moment; retry");
    }

    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<Object> databaseUnavailable(Exception ex) {
        log.warn("database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.SERVICE_UNAVAILABLE.detail("The ledger's database is unavailable; retry shortly"));
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        ProblemDetail problem = Problems.INVALID_REQUEST.detail("The request has " + errors.size()
                + (errors.size() == 1 ? " invalid field" : " invalid fields"));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static ResponseEntity<Object> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).body(type.detail(detail));
    }

    @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodySizeLimitFilter.BodyTooLargeException ex) {
        return problem(Problems.PAYLOAD_TOO_LARGE, "The body is larger than " + ex.limit
                + " bytes, the most accepted");
    }

    /** A failure nobody foresaw: a 500 problem that names the correlation id to look up in the logs. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // A database that stops or restarts fails a request in many wrappings (Axon's event store, Spring's
        // transaction commit, Hikari's timeout), not only when the transaction cannot begin.
        if (lostDatabase(ex)) {
            return databaseUnavailable(ex);
        }
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        log.error("Unexpected failure (correlation id {})", correlationId, ex);
        return problem(Problems.INTERNAL_ERROR, "The ledger could not answer this request; quote correlation id "
                + correlationId + " when reporting it");
    }

    /**
     * Whether the cause is a connection that could not be had or was lost: SQL state class 08, or 57P01-57P03 (the
     * server shutting down, or not yet accepting connections after a restart).
     */
    static boolean lostDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // A commit cut off by the lost connection is followed by a rollback, whose error replaces the commit's:
            // the pool's "Connection is closed", which has no SQL state (every error from PostgreSQL has one).
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String truncate(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > MAX_DETAIL ? firstLine.substring(0, MAX_DETAIL) + "..." : firstLine;
    }
}
