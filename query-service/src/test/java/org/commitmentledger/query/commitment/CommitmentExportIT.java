package org.commitmentledger.query.commitment;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryServiceIT
class CommitmentExportIT {

    // A document of its own: other tests filter the shared read model by document.
    private static final Source STATEMENT = new Source("export-test.txt", "Joint statement",
            LocalDate.of(2023, 5, 2), null, "Fifth");
    private static final Source NOTE = new Source("monitor-note", null, null, null, null);
    private static final String JSON_EXPORT = "/api/audit/exports/commitment-status.json";
    private static final String CSV_EXPORT = "/api/audit/exports/commitment-status.csv";

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
        id = new CommitmentId("export-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void statesThePointAndTheLastPositionItReflectsAndAnswersAsTheReadModelDoes() {
        recordCommitment();

        JsonNode export = json.readTree(auditorGets(JSON_EXPORT + "?asOf=2023-12-31"));

        assertThat(export.get("asOf").asString()).isEqualTo("2023-12-31");
        Instant knownAt = Instant.parse(export.get("knownAt").asString());
        assertThat(export.get("position").asLong()).isEqualTo(jdbc.sql(
                        "select max(global_index) from event_store.event_entry where stream_type = 'Commitment'"
                                + " and recorded_at <= :knownAt")
                .param("knownAt", Timestamp.from(knownAt)).query(Long.class).single());
        JsonNode item = item(export, id.value());
        assertThat(item.get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode read = json.readTree(http.get()
                .uri("/api/commitments/{id}?asOf=2023-12-31&knownAt={knownAt}", id.value(), knownAt.toString())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(item).isEqualTo(read.get("commitment"));
    }

    @Test
    void givesTheSameContentAgainForTheSameAsOfAndKnownAt() {
        recordCommitment();
        JsonNode first = json.readTree(auditorGets(JSON_EXPORT + "?asOf=2023-12-31"));
        String knownAt = first.get("knownAt").asString();
        String csv = auditorGets(CSV_EXPORT + "?asOf=2023-12-31&knownAt=" + knownAt);

        ledger.record(new ProgressReported(id, new ReportId("later"), LocalDate.of(2023, 7, 1),
                                           ProgressStatus.FULFILLED, null, null, false, "Backdated", NOTE, "monitor"));
        awaitEvents(3);

        assertThat(json.readTree(auditorGets(JSON_EXPORT + "?asOf=2023-12-31&knownAt=" + knownAt)))
                .isEqualTo(first);
        assertThat(auditorGets(CSV_EXPORT + "?asOf=2023-12-31&knownAt=" + knownAt)).isEqualTo(csv);
        assertThat(item(json.readTree(auditorGets(JSON_EXPORT + "?asOf=2023-12-31")), id.value())
                           .get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void statesNowRatherThanAKnownAtStillToCome() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        JsonNode export = json.readTree(auditorGets(JSON_EXPORT + "?knownAt=2999-01-01T00:00:00Z"));

        assertThat(Instant.parse(export.get("knownAt").asString())).isBetween(before, Instant.now());
    }

    @Test
    void writesACsvWithAHeaderAndOneQuotedRowPerCommitment() {
        recordCommitment();
        JsonNode export = json.readTree(auditorGets(JSON_EXPORT + "?asOf=2023-12-31"));
        String knownAt = export.get("knownAt").asString();

        String csv = http.get().uri(CSV_EXPORT + "?asOf=2023-12-31&knownAt=" + knownAt)
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"commitment-status.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(csv).endsWith("\r\n");
        assertThat(lines.get(0)).isEqualTo("as_of,known_at,position,id,title,parties,category,status,withdrawn,"
                + "latest_report_id,latest_report_effective_on,progress_quantity,target_quantity,target_unit,"
                + "progress_percent,made_on,due_by,overdue,reaffirmations,document,version,last_event_position");
        assertThat(lines).hasSize(export.get("items").size() + 1);
        JsonNode item = item(export, id.value());
        assertThat(lines).contains(String.join(",", "2023-12-31", knownAt, export.get("position").asString(),
                id.value(), "\"Expand the \"\"East\"\" port, phase 2\"", "US;MX", "BORDER_INFRASTRUCTURE",
                "IN_PROGRESS", "false", "permit", "2023-09-01", "40000", "100000", "people", "40.0", "2023-05-02",
                "2023-12-31", "false", "0", "export-test.txt", "1", item.get("position").asString()));
    }

    @Test
    void refusesBadParametersWithAProblemEvenWhenCsvIsAsked() {
        http.get().uri(CSV_EXPORT + "?asOf=2023-02-30")
                .headers(headers -> {
                    headers.setBasicAuth("auditor", "auditor-local");
                    headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
                })
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        http.get().uri(JSON_EXPORT + "?knownAt=later")
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("knownAt");
    }

    private void recordCommitment() {
        ledger.record(new CommitmentMade(id, "Expand the \"East\" port, phase 2", null,
                                         List.of(new Party("US"), new Party("MX")), Category.BORDER_INFRASTRUCTURE,
                                         LocalDate.of(2023, 5, 2), new Target(new BigDecimal("1E+5"), "people"),
                                         LocalDate.of(2023, 12, 31), STATEMENT),
                      new ProgressReported(id, new ReportId("permit"), LocalDate.of(2023, 9, 1),
                                           ProgressStatus.IN_PROGRESS, new BigDecimal("40000"), null, false,
                                           "Permit approved", NOTE, "monitor"));
        awaitEvents(2);
    }

    /** The read model has them, so the log's readers see them too. */
    private void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from query.commitment_event where commitment_id = :id")
                .param("id", id.value()).query(Long.class).single() == count);
    }

    private String auditorGets(String path) {
        return http.get().uri(path).headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static JsonNode item(JsonNode export, String id) {
        return export.get("items").valueStream().filter(item -> item.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }
}
