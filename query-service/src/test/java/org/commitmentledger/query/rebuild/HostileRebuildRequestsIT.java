package org.commitmentledger.query.rebuild;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.commitmentledger.query.QueryServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service's one write, a rebuild (ADMIN), asked for projections that do not exist, by any name and with any
 * body: a 4xx problem, and no rebuild started.
 */
@JqwikSpringSupport
@QueryServiceIT
class HostileRebuildRequestsIT {

    private static final Set<String> PROJECTIONS = Set.of("commitment-status", "encounter-trends", "claims");

    @Autowired
    RestTestClient http;

    @Property(tries = 100)
    void aRebuildOfNoSuchProjectionIsRefusedWithAProblemAndStartsNothing(@ForAll("names") String name,
                                                                         @ForAll("bodies") String body) {
        String before = projections();

        RestTestClient.ResponseSpec response = http.post()
                .uri(URI.create("/api/admin/projections/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8)
                                        + "/rebuild"))
                .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();

        assertThat(response.returnResult().getStatus().value()).as(name).isBetween(400, 499);
        response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(projections()).as("the projections and their last rebuilds").isEqualTo(before);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300),
                Arbitraries.of("..", "commitment-status/..", "COMMITMENT-STATUS", " claims", "claims\u0000",
                               "encounter-trends;drop table query.token_entry", "%00", "x".repeat(5_000)))
                .filter(name -> !PROJECTIONS.contains(name) && !name.equals(".") && !name.equals(".."))
                // A lone surrogate has no UTF-8 form: no client can send it.
                .filter(name -> StandardCharsets.UTF_8.newEncoder().canEncode(name));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().ofMaxLength(100),
                                 Arbitraries.integers().between(1_000, 3_000)
                                         .map(depth -> "[".repeat(depth) + "]".repeat(depth)));
    }

    private String projections() {
        return http.get().uri("/api/admin/projections").headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
