package org.commitmentledger.query.access;

import org.commitmentledger.platform.security.Roles;
import org.commitmentledger.query.QueryServiceIT;
import org.commitmentledger.testsupport.Caller;
import org.commitmentledger.testsupport.TestJwts;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the query service against every caller (see {@link Caller}). Reads are public; audits and admin
 * are not. No password or token ever comes back in an answer or shows up in the service's log.
 */
@QueryServiceIT
@ExtendWith(OutputCaptureExtension.class)
// A context of its own configuration: closed after this class, while the broker and database still run, not at
// the JVM's exit behind them.
@DirtiesContext
class QueryAccessMatrixIT {

    record Endpoint(HttpMethod method, String path, List<String> allowed) {
        boolean isPublic() {
            return allowed.isEmpty();
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/commitments", List.of()),
            new Endpoint(HttpMethod.GET, "/api/commitments/some-commitment", List.of()),
            new Endpoint(HttpMethod.GET, "/api/summary", List.of()),
            new Endpoint(HttpMethod.GET, "/api/encounters/monthly", List.of()),
            new Endpoint(HttpMethod.GET, "/api/encounters/monthly.svg", List.of()),
            new Endpoint(HttpMethod.GET, "/api/encounters/fiscal-years", List.of()),
            new Endpoint(HttpMethod.GET, "/api/encounters/around/some-commitment", List.of()),
            new Endpoint(HttpMethod.GET, "/api/claims", List.of()),
            new Endpoint(HttpMethod.GET, "/api/claims/some-claim", List.of()),
            new Endpoint(HttpMethod.GET, "/api/audit/events?stream=no-such-stream", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/verify", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/checkpoints", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/checkpoints/1/proof?digest=00", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/commitments/some-commitment/history", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/commitments/some-commitment/history/diff?from=2024-01-01&to=2024-01-02",
                         List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/exports/commitment-status.csv", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/exports/commitment-status.json", List.of(Roles.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/admin/projections", List.of(Roles.ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/admin/projections/claims/rebuild", List.of(Roles.ADMIN)),
            new Endpoint(HttpMethod.POST, "/api/admin/projections/no-such-projection/rebuild", List.of(Roles.ADMIN)),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", List.of(Roles.ADMIN)),
            new Endpoint(HttpMethod.GET, "/actuator/health", List.of()),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", List.of()));

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        TestJwts.get().trustedBy(registry);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint.method() + " " + endpoint.path(), caller, endpoint)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void answersEachCallerAsTheirRoleAllowsAndNeverRepeatsTheirCredentials(String name, Caller caller,
                                                                           Endpoint endpoint, CapturedOutput logs) {
        EntityExchangeResult<String> result = http.method(endpoint.method()).uri(endpoint.path())
                .headers(headers -> caller.authorization().ifPresent(value -> headers.set("Authorization", value)))
                .exchange().expectBody(String.class).returnResult();
        int status = result.getStatus().value();

        // A bad token is refused even where none is needed: its holder should learn it, not be served as anonymous.
        if (caller.presentsBadCredentials()) {
            assertThat(status).as(name).isEqualTo(401);
        } else if (endpoint.isPublic() || endpoint.allowed().stream().anyMatch(caller::hasRole)) {
            assertThat(status).as(name).isNotIn(401, 403).isLessThan(500);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(status).as(name).isEqualTo(401);
        } else {
            assertThat(status).as(name).isEqualTo(403);
        }
        String answer = result.getResponseHeaders() + String.valueOf(result.getResponseBody());
        for (String secret : caller.secrets()) {
            assertThat(answer).as("the answer to " + name).doesNotContain(secret);
            assertThat(logs.getAll()).as("the service's log").doesNotContain(secret);
        }
    }
}
