package org.commitmentledger.command.commitment;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIT
class CommitmentWritesIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(jdbc);
    }

    @Test
    void recordsEveryKindOfFactWithWhoAppendedItAndWhy() {
        String id = newCommitment();

        post("/api/commitments/" + id + "/progress", """
                {"reportId": "permit-approved", "effectiveOn": "2023-09-01", "status": "IN_PROGRESS",
                 "summary": "Presidential permit approved", "source": {"document": "https://www.gsa.gov/"}}""",
             "corr-progress-1")
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().valueEquals(HttpHeaders.LOCATION,
                        "http://localhost:8082/api/commitments/" + id + "/progress/permit-approved")
                .expectHeader().valueEquals("X-Correlation-Id", "corr-progress-1")
                .expectBody().jsonPath("$.reportId").isEqualTo("permit-approved").jsonPath("$.version").isEqualTo(1);
        post("/api/commitments/" + id + "/progress/permit-approved/corrections", """
                {"effectiveOn": "2023-09-01", "status": "STALLED", "summary": "Permit still pending",
                 "source": {"document": "https://www.gsa.gov/"}, "reason": "misread the notice"}""", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        post("/api/commitments/" + id + "/progress/permit-approved/retraction", """
                {"effectiveOn": "2023-09-01", "reason": "duplicate of another report"}""", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        post("/api/commitments/" + id + "/revisions", """
                {"effectiveOn": "2023-11-01", "dueBy": "2024-06-30", "source": {"document": "note"},
                 "reason": "deadline moved"}""", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"4\"");
        post("/api/commitments/" + id + "/reaffirmations", """
                {"effectiveOn": "2023-12-28", "source": {"document": "002_a239a9f9aea001a8.txt",
                 "locator": "paragraph 2"}}""", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"");
        post("/api/commitments/" + id + "/withdrawal", """
                {"effectiveOn": "2024-01-15", "source": {"document": "note"}, "reason": "superseded"}""", null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"6\"");

        assertThat(ledger.eventTypes(id)).containsExactly("CommitmentMade", "ProgressReported",
                "ProgressReportCorrected", "ProgressReportRetracted", "CommitmentRevised", "CommitmentReaffirmed",
                "CommitmentWithdrawn");
        assertThat(ledger.metadata(id)).allSatisfy(metadata -> {
            assertThat(metadata.get("principal")).isEqualTo("monitor");
            assertThat(metadata.get("causation")).isNotNull();
        });
        assertThat(ledger.metadata(id).get(1).get("correlation")).isEqualTo("corr-progress-1");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnceAndAnswersTheSame() {
        String id = newCommitment();
        String key = UUID.randomUUID().toString();
        String body = """
                {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "summary": "Work started",
                 "source": {"document": "note"}}""";
        long before = ledger.eventCount();

        byte[] first = postWithKey(id, key, body).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().returnResult().getResponseBody();
        byte[] retry = postWithKey(id, key, body).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().returnResult().getResponseBody();

        assertThat(retry).isEqualTo(first);
        assertThat(ledger.eventCount()).isEqualTo(before + 1);
        postWithKey(id, key, body.replace("Work started", "Work finished"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:idempotency-key-reused");
        assertThat(ledger.eventCount()).isEqualTo(before + 1);
    }

    @Test
    void ofTwoWritesAgainstTheSameVersionExactlyOneSucceeds() throws Exception {
        String id = newCommitment();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService monitors = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String summary : List.of("first monitor", "second monitor")) {
            answers.add(monitors.submit(() -> {
                start.await();
                return http.post().uri("/api/commitments/" + id + "/progress")
                        .headers(headers -> {
                            headers.setBasicAuth("monitor", "monitor-local");
                            headers.setIfMatch("\"0\"");
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                                {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "summary": "%s",
                                 "source": {"document": "note"}}""".formatted(summary))
                        .exchange().returnResult().getStatus().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        monitors.shutdown();

        Collections.sort(statuses);
        assertThat(statuses).containsExactly(201, 412);
        assertThat(ledger.eventTypes(id)).containsExactly("CommitmentMade", "ProgressReported");
    }

    @Test
    void refusesProgressEffectiveBeforeTheCommitmentWasMade() {
        String id = newCommitment();
        long before = ledger.eventCount();

        post("/api/commitments/" + id + "/progress", """
                {"effectiveOn": "2019-01-01", "status": "IN_PROGRESS", "summary": "too early",
                 "source": {"document": "note"}}""", null)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:before-commitment-made");

        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    void refusesProgressOnAWithdrawnCommitment() {
        String id = newCommitment();
        post("/api/commitments/" + id + "/withdrawal", """
                {"effectiveOn": "2024-01-15", "source": {"document": "note"}, "reason": "superseded"}""", null)
                .expectStatus().isCreated();

        post("/api/commitments/" + id + "/progress", """
                {"effectiveOn": "2024-02-01", "status": "IN_PROGRESS", "summary": "late",
                 "source": {"document": "note"}}""", null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-withdrawn");
    }

    @Test
    void answersAnUnknownCommitmentAndReportWith404() {
        post("/api/commitments/no-such-commitment/reaffirmations", """
                {"effectiveOn": "2023-12-28", "source": {"document": "note"}}""", null)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-not-found");
        String id = newCommitment();
        post("/api/commitments/" + id + "/progress/no-such-report/retraction", """
                {"effectiveOn": "2023-12-28", "reason": "x"}""", null)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:report-not-found");
    }

    @Test
    void refusesASecondCommitmentWithTheSameId() {
        String id = newCommitment();

        post("/api/commitments", commitment(id), null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-exists");
    }

    @Test
    void refusesUnknownFieldsAndStaleOrMalformedVersions() {
        String id = newCommitment();
        post("/api/commitments", commitment("with-unknown-field").replace("{\"id\"", "{\"colour\": \"red\", \"id\""),
             null)
                .expectStatus().isBadRequest();
        http.post().uri("/api/commitments/" + id + "/reaffirmations")
                .headers(headers -> {
                    headers.setBasicAuth("monitor", "monitor-local");
                    headers.set(HttpHeaders.IF_MATCH, "W/\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"effectiveOn\": \"2023-12-28\", \"source\": {\"document\": \"note\"}}")
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void refusesABodyLargerThanTheLimit() {
        long before = ledger.eventCount();
        String huge = commitment("too-large").replace("\"title\": \"",
                                                       "\"title\": \"" + "x".repeat(2 * 1024 * 1024));

        post("/api/commitments", huge, null)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:payload-too-large");
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    private String newCommitment() {
        String id = "commitment-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/commitments", commitment(id), null).expectStatus().isCreated();
        return id;
    }

    private static String commitment(String id) {
        return """
                {"id": "%s", "title": "Finalize the Calexico East port of entry expansion by year end",
                 "parties": ["US", "MX"], "category": "BORDER_INFRASTRUCTURE", "madeOn": "2023-05-02",
                 "dueBy": "2023-12-31",
                 "source": {"document": "000_b1c210631cfbef75.txt", "locator": "Fifth"}}""".formatted(id);
    }

    private ResponseSpec post(String path, String body, String correlationId) {
        return http.post().uri(path)
                .headers(headers -> {
                    headers.setBasicAuth("monitor", "monitor-local");
                    if (correlationId != null) {
                        headers.set("X-Correlation-Id", correlationId);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private ResponseSpec postWithKey(String id, String key, String body) {
        return http.post().uri("/api/commitments/" + id + "/progress")
                .headers(headers -> {
                    headers.setBasicAuth("monitor", "monitor-local");
                    headers.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
