package org.commitmentledger.command.access;

import org.commitmentledger.command.CommandServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the command service against every caller: who gets in, who is refused, and how. */
@CommandServiceIT
class AccessMatrixIT {

    private static final String COMMITMENT = """
            {"title": "Access check", "parties": ["MX"], "category": "COORDINATION", "madeOn": "2023-05-02",
             "source": {"document": "doc"}}""";

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

    enum Expect { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    record Endpoint(HttpMethod method, String path, String body, List<Caller> allowed, boolean publicEndpoint) {
    }

    private static final List<Caller> MONITORS = List.of(Caller.MONITOR);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/api/commitments", COMMITMENT, MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/progress", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/progress/r-1/corrections", "{}",
                         MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/progress/r-1/retraction", "{}",
                         MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/revisions", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/reaffirmations", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/commitments/access-check/withdrawal", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/encounters", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/encounters/imports?release=access-check", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/claims", "{}", MONITORS, false),
            new Endpoint(HttpMethod.POST, "/api/admin/republications", "{\"after\": -1}", List.of(Caller.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/api/admin/republications", null, List.of(Caller.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/api/admin/republications/no-such-one", null, List.of(Caller.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", null, List.of(Caller.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/actuator/health", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/actuator/info", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/v3/api-docs", null, List.of(), true));

    @Autowired
    RestTestClient http;

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> Arguments.of(
                endpoint.method() + " " + endpoint.path(), caller, endpoint,
                endpoint.publicEndpoint() || endpoint.allowed().contains(caller) ? Expect.ALLOWED
                        : caller == Caller.ANONYMOUS ? Expect.UNAUTHENTICATED : Expect.FORBIDDEN)));
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("everyEndpointForEveryCaller")
    void answersEachCallerAsTheirRoleAllows(String name, Caller caller, Endpoint endpoint, Expect expected) {
        RestTestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.path())
                .headers(headers -> {
                    if (caller.user != null) {
                        headers.setBasicAuth(caller.user, caller.password);
                    }
                });
        if (endpoint.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
        }
        int status = request.exchange().returnResult().getStatus().value();

        switch (expected) {
            case ALLOWED -> assertThat(status).as(name).isNotIn(401, 403).isLessThan(500);
            case UNAUTHENTICATED -> assertThat(status).as(name).isEqualTo(401);
            case FORBIDDEN -> assertThat(status).as(name).isEqualTo(403);
        }
    }
}
