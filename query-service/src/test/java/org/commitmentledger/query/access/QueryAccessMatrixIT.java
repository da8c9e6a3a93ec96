package org.commitmentledger.query.access;

import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the query service against every caller. Reads are public; audits and admin are not. */
@QueryServiceIT
class QueryAccessMatrixIT {

    enum Caller {
        ANONYMOUS(null, null), MONITOR("monitor", "monitor-local"), AUDITOR("auditor", "auditor-local"),
        ADMIN("admin", "admin-local");

        final String user;
        final String password;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    record Endpoint(HttpMethod method, String path, List<Caller> allowed) {
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
            new Endpoint(HttpMethod.GET, "/api/audit/events?stream=no-such-stream", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/verify", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/checkpoints", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/checkpoints/1/proof?digest=00", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/commitments/some-commitment/history", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/commitments/some-commitment/history/diff?from=2024-01-01&to=2024-01-02",
                         List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/exports/commitment-status.csv", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/audit/exports/commitment-status.json", List.of(Caller.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/admin/projections", List.of(Caller.ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/admin/projections/claims/rebuild", List.of(Caller.ADMIN)),
            new Endpoint(HttpMethod.POST, "/api/admin/projections/no-such-projection/rebuild", List.of(Caller.ADMIN)),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", List.of(Caller.ADMIN)),
            new Endpoint(HttpMethod.GET, "/actuator/health", List.of()),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", List.of()));

    @Autowired
    RestTestClient http;

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint.method() + " " + endpoint.path(), caller, endpoint)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void answersEachCallerAsTheirRoleAllows(String name, Caller caller, Endpoint endpoint) {
        int status = http.method(endpoint.method()).uri(endpoint.path())
                .headers(headers -> {
                    if (caller.user != null) {
                        headers.setBasicAuth(caller.user, caller.password);
                    }
                })
                .exchange().returnResult().getStatus().value();

        if (endpoint.isPublic() || endpoint.allowed().contains(caller)) {
            assertThat(status).as(name).isNotIn(401, 403).isLessThan(500);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(status).as(name).isEqualTo(401);
        } else {
            assertThat(status).as(name).isEqualTo(403);
        }
    }
}
