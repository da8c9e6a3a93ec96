package org.commitmentledger.platform.web;

import org.springframework.http.HttpStatus;

/** The problem types every endpoint shares; features add their own. */
public final class Problems {

    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request");
    public static final ProblemType INVALID_REQUEST =
            new ProblemType("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request");
    public static final ProblemType UNAUTHENTICATED =
            new ProblemType("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required");
    public static final ProblemType FORBIDDEN =
            new ProblemType("forbidden", HttpStatus.FORBIDDEN, "Not allowed");
    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    public static final ProblemType STALE_VERSION =
            new ProblemType("stale-version", HttpStatus.PRECONDITION_FAILED, "Stale version");
    public static final ProblemType CONCURRENT_MODIFICATION =
            new ProblemType("concurrent-modification", HttpStatus.CONFLICT, "Concurrent modification");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(
            "idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency key reused with a different request");
    public static final ProblemType SERVICE_UNAVAILABLE =
            new ProblemType("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private Problems() {
    }
}
