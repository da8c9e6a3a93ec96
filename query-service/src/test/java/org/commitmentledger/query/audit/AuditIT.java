package org.commitmentledger.query.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Source;
import org.commitmentledger.platform.eventstore.Checkpoint;
import org.commitmentledger.platform.eventstore.CheckpointWriter;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QueryServiceIT
class AuditIT {

    @Autowired
    RestTestClient http;

    @Autowired
    EventStore eventStore;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String stream;

    @BeforeEach
    void aStreamOfThreeEvents() {
        stream = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        new LedgerEvents(eventStore).record(reaffirmed(0), reaffirmed(1), reaffirmed(2));
    }

    @Test
    void streamsEachEventWithEverythingRecordedAboutItAndResumesAfterTheLastLineSeen() {
        List<JsonNode> lines = events("?stream=" + stream);

        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("stream").asString()).isEqualTo(stream);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asString()).isEqualTo(CommitmentReaffirmed.class.getName());
        assertThat(first.get("effectiveOn").asString()).isEqualTo("2023-12-28");
        assertThat(first.get("payload").get("reason").asString()).isEqualTo("reaffirmed 0");
        assertThat(first.get("hash").asString()).hasSize(64);
        for (String field : List.of("position", "eventId", "recordedAt", "revision", "metaData")) {
            assertThat(first.has(field)).as(field).isTrue();
        }

        List<JsonNode> rest = events("?stream=" + stream + "&after=" + first.get("position").asLong());
        assertThat(rest).extracting(line -> line.get("sequence").asLong()).containsExactly(1L, 2L);

        Instant firstRecorded = Instant.parse(first.get("recordedAt").asString());
        assertThat(events("?stream=" + stream + "&knownAt=" + firstRecorded)).hasSize(1);
    }

    @Test
    void refusesToResumeFromAPositionThatIsNoEvent() {
        http.get().uri("/api/audit/events?after=999999999").headers(headers -> headers.setBasicAuth("auditor",
                                                                                                   "auditor-local"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void reportsAnUntouchedLedgerIntactAndFindsAnEditedRowAndADeletedOne() throws SQLException {
        assertThat(verify().get("status").asString()).isEqualTo("OK");
        String middle = eventId(1);

        try (Tampering tampering = new Tampering(middle)) {
            tampering.run("update event_store.event_entry set payload = jsonb_set(payload, '{reason}', '\"edited\"')"
                                  + " where event_id = '" + middle + "'");
            JsonNode edited = verify();
            assertThat(edited.get("status").asString()).isEqualTo("BROKEN");
            assertThat(edited.get("brokenLink").get("streamId").asString()).isEqualTo(stream);
            assertThat(edited.get("brokenLink").get("sequence").asLong()).isEqualTo(1);
            assertThat(edited.get("brokenLink").get("eventId").asString()).isEqualTo(middle);
        }
        assertThat(verify().get("status").asString()).isEqualTo("OK");

        try (Tampering tampering = new Tampering(middle)) {
            tampering.run("delete from event_store.event_entry where event_id = '" + middle + "'");
            JsonNode deleted = verify();
            assertThat(deleted.get("status").asString()).isEqualTo("BROKEN");
            assertThat(deleted.get("brokenLink").get("streamId").asString()).isEqualTo(stream);
            assertThat(deleted.get("brokenLink").get("sequence").asLong()).isEqualTo(1);
            assertThat(deleted.get("brokenLink").get("eventId").asString()).isEqualTo(eventId(2));
        }
    }

    @Test
    void provesTheLogUpToAKeptCheckpointUnchanged() {
        Checkpoint kept = new CheckpointWriter(dataSource, 1, Duration.ofMinutes(1)).writeIfDue().orElseThrow();

        JsonNode proof = get("/api/audit/checkpoints/" + kept.number() + "/proof?digest=" + kept.digest());
        assertThat(proof.get("unchanged").asBoolean()).isTrue();
        assertThat(proof.get("recomputedDigest").asString()).isEqualTo(kept.digest());

        String otherDigest = "0".repeat(64);
        assertThat(get("/api/audit/checkpoints/" + kept.number() + "/proof?digest=" + otherDigest)
                           .get("unchanged").asBoolean()).isFalse();
        assertThat(get("/api/audit/checkpoints").findValues("digest")).extracting(JsonNode::asString)
                .contains(kept.digest());
    }

    private String eventId(long sequence) {
        return jdbc.sql("select event_id from event_store.event_entry where stream_id = ? and sequence_number = ?")
                .param(stream).param(sequence).query(String.class).single();
    }

    private JsonNode verify() {
        return get("/api/audit/verify");
    }

    private JsonNode get(String uri) {
        String body = http.get().uri(uri).headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        return json.readTree(body);
    }

    private List<JsonNode> events(String query) {
        String body = http.get().uri("/api/audit/events" + query)
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/x-ndjson")
                .returnResult(String.class).getResponseBody();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        assertThat(body).as("one JSON object per line, each ending the line").endsWith("}\n");
        List<String> lines = Arrays.asList(body.split("\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        return lines.stream().map(json::readTree).toList();
    }

    private CommitmentReaffirmed reaffirmed(int n) {
        return new CommitmentReaffirmed(new CommitmentId(stream), LocalDate.of(2023, 12, 28),
                new Source("002_a239a9f9aea001a8.txt", null, null, null, "paragraph " + n), "reaffirmed " + n);
    }

    /**
     * Alters a row as someone who can switch the log's guards off, and puts it back afterwards so the other tests
     * sharing this database see an intact log again.
     */
    private final class Tampering implements AutoCloseable {

        private final Connection connection;
        private final String eventId;

        Tampering(String eventId) throws SQLException {
            this.eventId = eventId;
            connection = dataSource.getConnection();
            run("set session_replication_role = replica");
            run("create temporary table original as select * from event_store.event_entry where event_id = '"
                        + eventId + "'");
        }

        void run(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                run("delete from event_store.event_entry where event_id = '" + eventId + "'");
                run("insert into event_store.event_entry overriding system value select * from original");
                run("drop table original");
                run("set session_replication_role = origin");
            } finally {
                connection.close();
            }
        }
    }
}
