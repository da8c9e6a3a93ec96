package org.commitmentledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * A kind of problem this API answers with (RFC 9457). Its {@code type} is a stable URN built from the slug: clients
 * may switch on it, and it never changes meaning.
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    private static final String PREFIX = "urn:commitment-ledger:problem:";

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
