package org.commitmentledger.query.commitment;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryServiceIT
class CommitmentHistoryIT {

    // A document of its own: other tests filter the shared read model by document.
    private static final Source STATEMENT = new Source("history-test.txt", "Joint statement",
            LocalDate.of(2023, 5, 2), null, "Fifth");
    private static final Source NOTE = new Source("monitor-note", null, null, null, null);
    private static final ReportId PERMIT = new ReportId("permit");

    @Autowired
    RestTestClient http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    LedgerEvents ledger;
    CommitmentId id;

    @BeforeEach
    void fresh() {
        ledger = new LedgerEvents(eventStore);
        id = new CommitmentId("calexico-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void listsEveryVersionInRecordedOrderWithTheEventThatProducedIt() {
        recordHistory();

        JsonNode history = auditorGets("/history?asOf=2023-12-31");

        JsonNode versions = history.get("versions");
        assertThat(versions).hasSize(4);
        assertThat(versions.valueStream().map(version -> version.at("/event/type").asString()))
                .containsExactly("CommitmentMade", "ProgressReported", "ProgressReported", "ProgressReportCorrected");
        assertThat(versions.valueStream().map(version -> version.at("/commitment/status").asString()))
                .containsExactly("NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "STALLED");
        JsonNode made = versions.get(0).get("event");
        assertThat(made.get("principal").asString()).isEqualTo("monitor");
        assertThat(made.get("correlationId").asString()).isEqualTo("request-1");
        assertThat(made.get("causationId").asString()).isEqualTo("command-1");
        assertThat(made.get("sequence").asLong()).isZero();
        assertThat(made.at("/payload/title").asString()).isEqualTo("Finalize the Calexico East port expansion");
        assertThat(versions.get(2).at("/event/effectiveOn").asString()).isEqualTo("2023-06-01");
        for (int i = 0; i + 1 < versions.size(); i++) {
            assertThat(versions.get(i).get("recordedTo")).isEqualTo(versions.get(i + 1).get("recordedFrom"));
            assertThat(versions.get(i).at("/event/position").asLong())
                    .isLessThan(versions.get(i + 1).at("/event/position").asLong());
        }
        assertThat(versions.get(3).get("recordedTo").isNull()).isTrue();
        assertThat(history.at("/effectiveLater/0/type").asString()).isEqualTo("CommitmentReaffirmed");
        assertThat(history.at("/effectiveLater/0/effectiveOn").asString()).isEqualTo("2024-02-01");
    }

    @Test
    void eachVersionIsWhatTheCommitmentReadAnsweredAtThatInstant() {
        recordHistory();

        JsonNode versions = auditorGets("/history?asOf=2023-12-31").get("versions");

        for (JsonNode version : versions) {
            JsonNode answered = json.readTree(http.get()
                    .uri("/api/commitments/" + id.value() + "?asOf=2023-12-31&knownAt="
                                 + version.get("recordedFrom").asString())
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            assertThat(answered.get("commitment")).isEqualTo(version.get("commitment"));
        }
    }

    @Test
    void endsAtKnownAtAndShowsNoVersionBeforeTheCommitmentWasMade() {
        recordHistory();
        String secondRecorded = auditorGets("/history?asOf=2023-12-31").at("/versions/1/recordedFrom").asString();

        assertThat(auditorGets("/history?asOf=2023-12-31&knownAt=" + secondRecorded).get("versions")).hasSize(2);
        JsonNode beforeMade = auditorGets("/history?asOf=2023-01-01");
        assertThat(beforeMade.get("versions")).isEmpty();
        assertThat(beforeMade.get("effectiveLater")).hasSize(5);
    }

    @Test
    void diffNamesTheEventsRecordedBetweenTwoInstantsAndTheFieldsTheyChanged() {
        recordHistory();
        JsonNode versions = auditorGets("/history?asOf=2023-12-31").get("versions");
        String made = versions.get(0).get("recordedFrom").asString();
        String corrected = versions.get(3).get("recordedFrom").asString();

        JsonNode diff = auditorGets("/history/diff?asOf=2023-12-31&from=" + made + "&to=" + corrected);

        assertThat(diff.get("events").valueStream().map(event -> event.get("type").asString()))
                .containsExactly("ProgressReported", "ProgressReported", "ProgressReportCorrected");
        assertThat(diff.at("/before/status").asString()).isEqualTo("NOT_STARTED");
        assertThat(diff.at("/after/status").asString()).isEqualTo("STALLED");
        Map<String, JsonNode> changes = new HashMap<>();
        diff.get("changes").forEach(change -> changes.put(change.get("path").asString(), change));
        assertThat(changes).containsKeys("/status", "/latestReport", "/version", "/position");
        assertThat(changes.get("/status").get("before").asString()).isEqualTo("NOT_STARTED");
        assertThat(changes.get("/status").get("after").asString()).isEqualTo("STALLED");
        assertThat(changes.get("/latestReport").get("before").isNull()).isTrue();
        assertThat(changes.get("/latestReport").at("/after/summary").asString()).isEqualTo("Permit still pending");
        assertThat(changes.get("/version").get("after").asLong()).isEqualTo(3);
    }

    @Test
    void diffFromBeforeTheCommitmentWasRecordedChangesTheWholeDocument() {
        recordHistory();
        String made = auditorGets("/history?asOf=2023-12-31").at("/versions/0/recordedFrom").asString();

        JsonNode diff = auditorGets("/history/diff?asOf=2023-12-31&from=2020-01-01&to=" + made);

        assertThat(diff.get("before").isNull()).isTrue();
        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.at("/changes/0/path").asString()).isEmpty();
        assertThat(diff.at("/changes/0/after/id").asString()).isEqualTo(id.value());
        JsonNode nothing = auditorGets("/history/diff?asOf=2023-12-31&from=" + made + "&to=" + made);
        assertThat(nothing.get("events")).isEmpty();
        assertThat(nothing.get("changes")).isEmpty();
    }

    @Test
    void answersNotFoundForACommitmentTheLogDidNotKnow() {
        recordHistory();

        for (String path : List.of("/api/commitments/no-such-commitment/history",
                                   "/api/commitments/no-such-commitment/history/diff?from=2020-01-01&to=2030-01-01",
                                   "/api/commitments/" + id.value() + "/history?knownAt=2020-01-01")) {
            http.get().uri(path).headers(headers -> headers.setBasicAuth("auditor", "auditor-local")).exchange()
                    .expectStatus().isNotFound().expectBody()
                    .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-not-found");
        }
    }

    @Test
    void refusesBadParametersWithAProblem() {
        problem("/history/diff").jsonPath("$.errors[*].field").isEqualTo(List.of("from", "to"));
        problem("/history/diff?from=2024-01-02&to=2024-01-01").jsonPath("$.errors[*].field").isEqualTo(List.of("to"));
        problem("/history/diff?from=soon&to=2024-01-01&asOf=2023-02-30")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("asOf", "from"));
        problem("/history?knownAt={knownAt}", "+1000000000-01-01T00:00:00Z").jsonPath("$.errors[*].field")
                .isEqualTo(List.of("knownAt"));
    }

    /**
     * Made on 2023-05-02; a report on 2023-09-01, then one backdated to 2023-06-01, a correction of the first, and a
     * reaffirmation that takes effect only in 2024.
     */
    private void recordHistory() {
        ledger.recordWith(Map.of("principal", "monitor", "correlationId", "request-1", "causationId", "command-1"),
                          new CommitmentMade(id, "Finalize the Calexico East port expansion", null,
                                             List.of(new Party("US"), new Party("MX")),
                                             Category.BORDER_INFRASTRUCTURE, LocalDate.of(2023, 5, 2), null,
                                             LocalDate.of(2023, 12, 31), STATEMENT));
        ledger.record(new ProgressReported(id, PERMIT, LocalDate.of(2023, 9, 1), ProgressStatus.IN_PROGRESS, null,
                                           null, false, "Permit approved", NOTE, "monitor"),
                      new ProgressReported(id, new ReportId("survey"), LocalDate.of(2023, 6, 1),
                                           ProgressStatus.STALLED, null, null, false, "Survey late", NOTE, "monitor"),
                      new ProgressReportCorrected(id, PERMIT, LocalDate.of(2023, 9, 1), ProgressStatus.STALLED, null,
                                                  null, false, "Permit still pending", NOTE, "monitor", "misread"),
                      new CommitmentReaffirmed(id, LocalDate.of(2024, 2, 1), STATEMENT, "communique"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from query.commitment_event where commitment_id = :id")
                .param("id", id.value()).query(Long.class).single() == 5);
    }

    private JsonNode auditorGets(String path) {
        return json.readTree(http.get().uri("/api/commitments/" + id.value() + path)
                                     .headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                                     .exchange().expectStatus().isOk()
                                     .expectBody(String.class).returnResult().getResponseBody());
    }

    private RestTestClient.BodyContentSpec problem(String path, Object... variables) {
        return http.get().uri("/api/commitments/" + id.value() + path, variables)
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:invalid-request");
    }
}
