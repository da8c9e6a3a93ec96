package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.LedgerKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmentledger.command.LedgerKafka.header;

@CommandServiceIT
class RepublicationIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Value("${ledger.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${ledger.kafka.topic-prefix}")
    String livePrefix;

    String commitment;

    @BeforeEach
    void aCommitmentWithTwoReports() {
        commitment = "republished-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/commitments", """
                {"id": "%s", "title": "Calexico East port of entry", "parties": ["US"],
                 "category": "BORDER_INFRASTRUCTURE", "madeOn": "2023-05-02",
                 "source": {"document": "000_b1c210631cfbef75.txt", "locator": "Fifth"}}
                """.formatted(commitment));
        for (String month : List.of("2023-07-01", "2023-09-01")) {
            post("/api/commitments/" + commitment + "/progress", """
                    {"effectiveOn": "%s", "status": "IN_PROGRESS", "summary": "works under way",
                     "source": {"document": "monitor-note"}}
                    """.formatted(month));
        }
    }

    @Test
    void republishesTheWholeLogIntoNewTopicsAsTheSameRecordsLivePublishingSent() {
        String prefix = "replay-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        List<String> commitmentEvents = jdbc.sql("select event_id from event_store.event_entry"
                                                         + " where stream_type = 'Commitment'")
                .query(String.class).list();

        JsonNode done = republishAndAwait("{\"topicPrefix\": \"" + prefix + "\"}");

        assertThat(done.get("published").asLong()).isEqualTo(done.get("total").asLong())
                .isEqualTo(jdbc.sql("select count(*) from event_store.event_entry").query(Long.class).single());
        Map<String, ConsumerRecord<String, byte[]>> replayed = received(prefix, commitmentEvents.size());
        Map<String, ConsumerRecord<String, byte[]>> live = received(livePrefix, commitmentEvents.size());
        assertThat(replayed.keySet()).containsExactlyInAnyOrderElementsOf(commitmentEvents);
        for (String eventId : commitmentEvents) {
            ConsumerRecord<String, byte[]> again = replayed.get(eventId);
            ConsumerRecord<String, byte[]> first = live.get(eventId);
            assertThat(again.key()).isEqualTo(first.key());
            assertThat(json.readTree(again.value())).isEqualTo(json.readTree(first.value()));
            for (String header : List.of("ce_type", "ce_time", "ce_subject", "ce_effectivedate", "ce_streamsequence",
                                         "ce_globalposition")) {
                assertThat(header(again, header)).as(header).isEqualTo(header(first, header));
            }
        }
    }

    @Test
    void republishesOnlyWhatCameAfterAGivenPosition() {
        long second = jdbc.sql("select global_index from event_store.event_entry where stream_id = ?"
                                       + " and sequence_number = 1").param(commitment).query(Long.class).single();

        JsonNode done = republishAndAwait("{\"after\": " + second + ", \"topicPrefix\": \"after-"
                                                  + UUID.randomUUID().toString().substring(0, 8) + ".\"}");

        assertThat(done.get("total").asLong()).isEqualTo(jdbc.sql(
                "select count(*) from event_store.event_entry where global_index > ?").param(second)
                .query(Long.class).single());
        assertThat(done.get("lastPosition").asLong()).isGreaterThan(second);
    }

    @Test
    void refusesAPositionThatIsNoEventAndABadTopicPrefix() {
        for (String body : List.of("{\"after\": 999999999}", "{\"topicPrefix\": \"no spaces allowed\"}",
                                   "{\"fromRecordedAt\": \"yesterday\"}")) {
            http.post().uri("/api/admin/republications")
                    .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private JsonNode republishAndAwait(String body) {
        String location = http.post().uri("/api/admin/republications")
                .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isAccepted()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        return await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(http.get().uri(location)
                        .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                        .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()),
                progress -> !progress.get("state").asString().equals("RUNNING")
                        && !progress.get("state").asString().equals("QUEUED"));
    }

    private Map<String, ConsumerRecord<String, byte[]>> received(String prefix, int atLeast) {
        try (LedgerKafka kafka = new LedgerKafka(bootstrapServers, prefix + "commitment-ledger.commitments.v1")) {
            return await().atMost(Duration.ofSeconds(60))
                    .until(() -> kafka.poll().stream().collect(Collectors.toMap(
                                   record -> header(record, "ce_id"), Function.identity(), (a, b) -> a)),
                           records -> records.size() >= atLeast);
        }
    }

    private void post(String uri, String body) {
        http.post().uri(uri)
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isCreated();
    }

}
