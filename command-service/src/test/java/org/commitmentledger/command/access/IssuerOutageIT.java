package org.commitmentledger.command.access;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.Ledger;
import org.commitmentledger.testsupport.Caller;
import org.commitmentledger.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token issuer is down (nothing listens where its discovery document should be): a bearer token cannot be
 * checked, which is the service's problem, so the caller gets a 503 problem, not a 500, and nothing is written.
 */
@CommandServiceIT
// A context of its own configuration: closed after this class, while the broker and database still run, not at
// the JVM's exit behind them.
@DirtiesContext
class IssuerOutageIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void anIssuerThatDoesNotAnswer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "http://127.0.0.1:" + Ports.free());
    }

    @Test
    void answersABearerTokenItCannotCheckWithServiceUnavailableAndWritesNothing() {
        Ledger ledger = new Ledger(jdbc);
        long events = ledger.eventCount();

        http.post().uri("/api/commitments")
                .headers(headers -> headers.set("Authorization", Caller.MONITOR_TOKEN.authorization().orElseThrow()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"title": "Issuer outage", "parties": ["MX"], "category": "COORDINATION",
                         "madeOn": "2023-05-02", "source": {"document": "doc"}}""")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:service-unavailable");

        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void stillServesTheLocalUsers() {
        http.post().uri("/api/commitments")
                .headers(headers -> headers.set("Authorization", Caller.MONITOR.authorization().orElseThrow()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id": "issuer-outage-local", "title": "Issuer outage, local user", "parties": ["MX"],
                         "category": "COORDINATION", "madeOn": "2023-05-02", "source": {"document": "doc"}}""")
                .exchange()
                .expectStatus().isCreated();
    }
}
