package org.commitmentledger.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.commitmentledger.platform.web.ProblemType;
import org.commitmentledger.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** 401 and 403 as problem responses, like every other error of the API. */
final class ProblemAuthenticationHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationHandlers.class);

    private final JsonMapper json;
    private final String challenge;

    ProblemAuthenticationHandlers(JsonMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            write(response, Problems.UNAUTHENTICATED, "This operation needs credentials");
        };
    }

    /**
     * A bearer token that cannot be checked because its issuer is unreachable gets a 503; Spring Security's default
     * rethrows that failure and the caller would see a 500. Every other failure is a 401 as usual.
     */
    AuthenticationFailureHandler bearerTokenFailure() {
        AuthenticationEntryPoint entryPoint = entryPoint();
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException) {
                log.warn("Cannot check a bearer token: {}", exception.getMessage());
                write(response, Problems.SERVICE_UNAVAILABLE, "The token's issuer cannot be reached; try again later");
            } else {
                entryPoint.commence(request, response, exception);
            }
        };
    }

    /** What the firewall refuses before any filter runs (an encoded percent sign, a semicolon in a path). */
    RequestRejectedHandler requestRejected() {
        return (request, response, exception) ->
                write(response, Problems.MALFORMED_REQUEST, "The request's URL is not accepted");
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, exception) ->
                write(response, Problems.FORBIDDEN, "Your role does not allow this operation");
    }

    private void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        ProblemDetail problem = type.detail(detail);
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
