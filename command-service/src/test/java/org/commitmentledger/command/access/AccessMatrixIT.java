package org.commitmentledger.command.access;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.platform.security.Roles;
import org.commitmentledger.testsupport.Caller;
import org.commitmentledger.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the command service against every caller (see {@link Caller}): who gets in, who is refused, and
 * how; and no password or token ever comes back in an answer, shows up in the service's log or is stored in an event.
 */
@CommandServiceIT
@ExtendWith(OutputCaptureExtension.class)
// A context of its own configuration: closed after this class, while the broker and database still run, not at
// the JVM's exit behind them.
@DirtiesContext
class AccessMatrixIT {

    private static final String COMMITMENT = """
            {"title": "Access check", "parties": ["MX"], "category": "COORDINATION", "madeOn": "2023-05-02",
             "source": {"document": "doc"}}""";

    enum Expect { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    record Endpoint(HttpMethod method, String path, String body, List<String> allowed, boolean publicEndpoint) {
    }

    private static final List<String> MONITORS = List.of(Roles.MONITOR);

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
            new Endpoint(HttpMethod.POST, "/api/admin/republications", "{\"after\": -1}", List.of(Roles.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/api/admin/republications", null, List.of(Roles.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/api/admin/republications/no-such-one", null, List.of(Roles.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", null, List.of(Roles.ADMIN), false),
            new Endpoint(HttpMethod.GET, "/actuator/health", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/actuator/info", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, List.of(), true),
            new Endpoint(HttpMethod.GET, "/v3/api-docs", null, List.of(), true));

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        TestJwts.get().trustedBy(registry);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> Arguments.of(
                endpoint.method() + " " + endpoint.path(), caller, endpoint, expected(endpoint, caller))));
    }

    /** A token that is bad is refused even where no token is needed: its holder should learn it, not be anonymous. */
    private static Expect expected(Endpoint endpoint, Caller caller) {
        if (caller.presentsBadCredentials()) {
            return Expect.UNAUTHENTICATED;
        }
        if (endpoint.publicEndpoint() || endpoint.allowed().stream().anyMatch(caller::hasRole)) {
            return Expect.ALLOWED;
        }
        return caller == Caller.ANONYMOUS ? Expect.UNAUTHENTICATED : Expect.FORBIDDEN;
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("everyEndpointForEveryCaller")
    void answersEachCallerAsTheirRoleAllowsAndNeverRepeatsTheirCredentials(String name, Caller caller,
                                                                           Endpoint endpoint, Expect expected,
                                                                           CapturedOutput logs) {
        RestTestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.path())
                .headers(headers -> caller.authorization().ifPresent(value -> headers.set("Authorization", value)));
        if (endpoint.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
        }
        EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
        int status = result.getStatus().value();

        switch (expected) {
            case ALLOWED -> assertThat(status).as(name).isNotIn(401, 403).isLessThan(500);
            case UNAUTHENTICATED -> assertThat(status).as(name).isEqualTo(401);
            case FORBIDDEN -> assertThat(status).as(name).isEqualTo(403);
        }
        String answer = result.getResponseHeaders() + String.valueOf(result.getResponseBody());
        for (String secret : caller.secrets()) {
            assertThat(answer).as("the answer to " + name).doesNotContain(secret);
            assertThat(logs.getAll()).as("the service's log").doesNotContain(secret);
        }
    }

    @Test
    void recordsWhoWroteButNeverTheirCredentialsInTheEvents() {
        for (Caller caller : List.of(Caller.MONITOR, Caller.MONITOR_TOKEN)) {
            http.post().uri("/api/commitments")
                    .headers(headers -> caller.authorization().ifPresent(value -> headers.set("Authorization", value)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(COMMITMENT.replaceFirst("\\{", "{\"id\": \"credentials-of-" + caller.name().toLowerCase()
                            .replace('_', '-') + "\", "))
                    .exchange().expectStatus().isCreated();
        }
        List<String> principals = jdbc.sql("select distinct meta_data->>'principal' from event_store.event_entry")
                .query(String.class).list();
        assertThat(principals).contains("monitor", "jwt-monitor");

        for (Caller caller : Caller.values()) {
            for (String secret : caller.secrets()) {
                assertThat(jdbc.sql("select count(*) from event_store.event_entry"
                                            + " where strpos(payload::text || meta_data::text, :secret) > 0")
                                   .param("secret", secret).query(Long.class).single())
                        .as("events holding a credential of " + caller).isZero();
            }
        }
    }
}
