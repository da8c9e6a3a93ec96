package org.commitmentledger.command.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.commitmentledger.command.Ledger;
import org.commitmentledger.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint, fed bodies that are wrong on purpose: never a 5xx, never a write. Each body is built from a
 * valid one and broken in exactly one way, so that every one of them must be refused. Republication requests (ADMIN)
 * too: refused, and nothing started.
 */
@JqwikSpringSupport
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@RealInfrastructure
@ActiveProfiles("local")
class HostileWritesIT {

    private static final String COMMITMENT = "hostile-target";
    private static final String REPORT = "hostile-report";
    private static final JsonMapper JSON = JsonMapper.shared();

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/commitments", """
                    {"id": "fuzzed-commitment", "title": "t", "description": "d", "parties": ["US"],
                     "category": "ENFORCEMENT", "madeOn": "2023-05-02", "dueBy": "2023-12-31",
                     "target": {"quantity": 10, "unit": "people"}, "source": {"document": "doc"}}""",
                    List.of("title", "parties", "category", "madeOn", "source"),
                    Map.of("title", 300, "description", 10_000), List.of("madeOn", "dueBy")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/progress", """
                    {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "quantity": 5, "summary": "s",
                     "source": {"document": "doc"}}""",
                    List.of("effectiveOn", "status", "summary", "source"),
                    Map.of("summary", 5_000, "assessor", 200), List.of("effectiveOn")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/progress/" + REPORT + "/corrections", """
                    {"effectiveOn": "2023-09-01", "status": "STALLED", "summary": "s", "source": {"document": "doc"},
                     "reason": "r"}""",
                    List.of("effectiveOn", "status", "summary", "source", "reason"),
                    Map.of("summary", 5_000, "reason", 2_000), List.of("effectiveOn")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/progress/" + REPORT + "/retraction", """
                    {"effectiveOn": "2023-09-01", "reason": "r"}""",
                    List.of("effectiveOn", "reason"), Map.of("reason", 2_000), List.of("effectiveOn")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/revisions", """
                    {"effectiveOn": "2023-09-01", "title": "new", "source": {"document": "doc"}, "reason": "r"}""",
                    List.of("effectiveOn", "source", "reason"), Map.of("title", 300, "reason", 2_000),
                    List.of("effectiveOn", "dueBy")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/reaffirmations", """
                    {"effectiveOn": "2023-12-28", "source": {"document": "doc"}, "reason": "r"}""",
                    List.of("effectiveOn", "source"), Map.of("reason", 2_000), List.of("effectiveOn")),
            new Endpoint("/api/commitments/" + COMMITMENT + "/withdrawal", """
                    {"effectiveOn": "2024-01-01", "source": {"document": "doc"}, "reason": "r"}""",
                    List.of("effectiveOn", "source", "reason"), Map.of("reason", 2_000), List.of("effectiveOn")),
            new Endpoint("/api/encounters", """
                    {"period": "2023-06", "count": 144556, "release": "fuzz", "source": {"document": "doc"}}""",
                    List.of("period", "count", "release", "source"), Map.of("release", 100, "citizenship", 100),
                    List.of("period")),
            new Endpoint("/api/claims", """
                    {"id": "fuzzed-claim", "claimant": "c", "party": "MX", "claimedOn": "2023-07-27",
                     "statement": "s", "metric": "encounters", "baseline": {"from": "2023-05", "to": "2023-05"},
                     "comparison": {"from": "2023-06", "to": "2023-06"}, "claimedChangePercent": -50,
                     "source": {"document": "doc"}}""",
                    List.of("id", "claimant", "claimedOn", "statement", "metric", "source"),
                    Map.of("claimant", 300, "statement", 5_000), List.of("claimedOn")));

    private static final List<String> IMPOSSIBLE_DATES = List.of("2023-02-30", "2023-13-01", "0000-00-00",
            "yesterday", "2023-6-1", "99999-01-01", "1850-01-01", "2023-06", "");
    private static final List<String> IMPOSSIBLE_MONTHS = List.of("2023-13", "2023-00", "2023-6", "June 2023",
            "1850-01", "2023-06-01", "");

    /** {@code ledger.limits.measurements-per-request} */
    private static final int MAX_MEASUREMENTS = 10_000;

    private static boolean fixturesReady;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Property(tries = 300)
    void aBrokenBodyIsRefusedWithAProblemAndWritesNothing(@ForAll("brokenRequests") BrokenRequest request) {
        prepareFixtures();
        Ledger ledger = new Ledger(jdbc);
        long events = ledger.eventCount();
        long lastPosition = ledger.lastGlobalIndex();

        RestTestClient.ResponseSpec response = http.post().uri(request.path())
                .headers(headers -> {
                    headers.setBasicAuth("monitor", "monitor-local");
                    headers.set("Content-Type", request.contentType());
                })
                .body(request.body())
                .exchange();

        int status = response.returnResult().getStatus().value();
        assertThat(status).as(request.describe()).isBetween(400, 499);
        response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ledger.eventCount()).as(request.describe()).isEqualTo(events);
        assertThat(ledger.lastGlobalIndex()).as(request.describe()).isEqualTo(lastPosition);
    }

    @Property(tries = 60)
    void aBrokenRepublicationRequestIsRefusedWithAProblemAndStartsNothing(
            @ForAll("brokenRepublications") String body, @ForAll("jsonOrNot") String contentType) {
        int republications = republicationsSoFar();

        RestTestClient.ResponseSpec response = http.post().uri("/api/admin/republications")
                .headers(headers -> {
                    headers.setBasicAuth("admin", "admin-local");
                    headers.set("Content-Type", contentType);
                })
                .body(body)
                .exchange();

        assertThat(response.returnResult().getStatus().value()).as(body).isBetween(400, 499);
        response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(republicationsSoFar()).as(body).isEqualTo(republications);
    }

    @Provide
    Arbitrary<String> brokenRepublications() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "1.5", "\"abc\"", "1e400", "99999999999999999999", "true", "[1]")
                        .map(after -> "{\"after\": " + after + "}"),
                Arbitraries.of("\"yesterday\"", "\"2026-13-01T00:00:00Z\"", "\"2026-11-01\"", "12", "{}",
                               "\"2026-11-01T25:00:00Z\"")
                        .map(instant -> "{\"fromRecordedAt\": " + instant + "}"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(text -> !text.matches("[A-Za-z0-9._-]+"))
                        .map(prefix -> JSON.writeValueAsString(Map.of("topicPrefix", prefix))),
                Arbitraries.of("x".repeat(101), "a".repeat(1_100_000))
                        .map(prefix -> JSON.writeValueAsString(Map.of("topicPrefix", prefix))),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).map(noise -> "{\"" + noise + "x\": 1}"),
                Arbitraries.integers().between(2_000, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.strings().ofMaxLength(40).map(noise -> "<" + noise + ">"));
    }

    @Provide
    Arbitrary<String> jsonOrNot() {
        return Arbitraries.of("application/json", "application/json", "application/json", "text/plain",
                              "application/xml");
    }

    private int republicationsSoFar() {
        return JSON.readTree(http.get().uri("/api/admin/republications")
                                     .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                                     .exchange().expectStatus().isOk()
                                     .expectBody(String.class).returnResult().getResponseBody()).size();
    }

    @Provide
    Arbitrary<BrokenRequest> brokenRequests() {
        return Combinators.combine(Arbitraries.of(ENDPOINTS), Arbitraries.of(Breakage.values()),
                                   Arbitraries.integers().between(0, 1_000_000),
                                   Arbitraries.strings().ofMinLength(1).ofMaxLength(40))
                .as(HostileWritesIT::broken);
    }

    private static BrokenRequest broken(Endpoint endpoint, Breakage breakage, int seed, String noise) {
        ObjectNode body = (ObjectNode) JSON.readTree(endpoint.validBody());
        String json = "application/json";
        switch (breakage) {
            case MISSING_FIELD -> body.remove(pick(endpoint.required(), seed));
            case WRONG_TYPE -> {
                String field = pick(endpoint.required(), seed);
                JsonNode original = body.get(field);
                if (original.isString()) {
                    body.put(field, seed);
                } else if (original.isObject()) {
                    body.putArray(field).add(noise);
                } else {
                    body.putObject(field).put("value", noise);
                }
            }
            case IMPOSSIBLE_DATE -> {
                String field = pick(endpoint.dates(), seed);
                body.put(field, pick(field.equals("period") ? IMPOSSIBLE_MONTHS : IMPOSSIBLE_DATES, seed));
            }
            case HUGE_STRING -> {
                String field = pick(List.copyOf(endpoint.maxLengths().keySet()), seed);
                body.put(field, "x".repeat(endpoint.maxLengths().get(field) + 1 + seed % 5_000));
            }
            case UNKNOWN_FIELD -> body.put("unexpected_" + Math.abs(noise.hashCode()), noise);
            case OVERSIZED_BODY -> {
                String field = pick(List.copyOf(endpoint.maxLengths().keySet()), seed);
                body.put(field, noise.repeat(1 + (1_100_000 + seed) / noise.length()));
            }
            case HUGE_ARRAY -> {
                if (endpoint.path().equals("/api/encounters")) {
                    String count = JSON.writeValueAsString(body);
                    return new BrokenRequest(endpoint.path(), "[" + (count + ",").repeat(MAX_MEASUREMENTS + seed % 100)
                            + count + "]", json, breakage);
                }
                String field = body.has("parties") ? "parties" : "unexpected_list";
                var list = body.putArray(field);
                for (int i = 0; i < 21 + seed % 10_000; i++) {
                    list.add("MX");
                }
            }
            case CONTROL_CHARACTER -> {
                String text = JSON.writeValueAsString(body);
                int at = 1 + seed % (text.length() - 2);
                return new BrokenRequest(endpoint.path(), text.substring(0, at) + (char) (seed % 9)
                        + text.substring(at), json, breakage);
            }
            case DEEP_NESTING -> {
                int depth = 2_000 + seed % 3_000;
                return new BrokenRequest(endpoint.path(), "[".repeat(depth) + "]".repeat(depth), json, breakage);
            }
            case TRUNCATED -> {
                String text = JSON.writeValueAsString(body);
                return new BrokenRequest(endpoint.path(), text.substring(0, seed % (text.length() - 1)), json,
                                         breakage);
            }
            case NOT_AN_OBJECT -> {
                return new BrokenRequest(endpoint.path(), JSON.writeValueAsString(List.of(seed, noise)), json,
                                         breakage);
            }
            case NOT_JSON -> {
                return new BrokenRequest(endpoint.path(), "<" + noise + ">", json, breakage);
            }
            case WRONG_CONTENT_TYPE -> {
                return new BrokenRequest(endpoint.path(), JSON.writeValueAsString(body),
                                         pick(List.of("text/plain", "application/xml", "text/csv",
                                                      "application/x-www-form-urlencoded"), seed), breakage);
            }
            case NUMBER_OUT_OF_RANGE -> {
                String field = body.has("count") ? "count" : body.has("quantity") ? "quantity"
                        : body.has("claimedChangePercent") ? "claimedChangePercent" : null;
                if (field == null) {
                    body.put("effectiveOn", -seed);
                } else {
                    String[] numbers = field.equals("claimedChangePercent")
                            ? new String[] {"1e400", "12345678901234567890123", "-100001", "\"-50\"", "true"}
                            : new String[] {"-1", "1e400", "12345678901234567890123", "-0.5", "1.00001e30"};
                    String text = JSON.writeValueAsString(body);
                    text = text.replaceFirst("\"" + field + "\":[^,}]+",
                                             "\"" + field + "\":" + numbers[seed % numbers.length]);
                    return new BrokenRequest(endpoint.path(), text, json, breakage);
                }
            }
        }
        return new BrokenRequest(endpoint.path(), JSON.writeValueAsString(body), json, breakage);
    }

    private void prepareFixtures() {
        if (fixturesReady) {
            return;
        }
        http.post().uri("/api/commitments").headers(h -> h.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id": "%s", "title": "Target of hostile requests", "parties": ["MX"],
                         "category": "ENFORCEMENT", "madeOn": "2023-05-02", "source": {"document": "doc"}}"""
                              .formatted(COMMITMENT))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/commitments/" + COMMITMENT + "/progress")
                .headers(h -> h.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"reportId": "%s", "effectiveOn": "2023-06-01", "status": "IN_PROGRESS", "summary": "s",
                         "source": {"document": "doc"}}""".formatted(REPORT))
                .exchange().expectStatus().isCreated();
        fixturesReady = true;
    }

    private static <T> T pick(List<T> values, int seed) {
        return values.get(seed % values.size());
    }

    enum Breakage {
        MISSING_FIELD, WRONG_TYPE, IMPOSSIBLE_DATE, HUGE_STRING, UNKNOWN_FIELD, CONTROL_CHARACTER, DEEP_NESTING,
        TRUNCATED, NOT_AN_OBJECT, NOT_JSON, WRONG_CONTENT_TYPE, NUMBER_OUT_OF_RANGE, OVERSIZED_BODY, HUGE_ARRAY
    }

    record Endpoint(String path, String validBody, List<String> required, Map<String, Integer> maxLengths,
                    List<String> dates) {
    }

    record BrokenRequest(String path, String body, String contentType, Breakage breakage) {

        String describe() {
            return breakage + " on " + path + ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
