package org.commitmentledger.command.commitment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmentledger.command.LedgerKafka;
import org.commitmentledger.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmentledger.command.LedgerKafka.header;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@RealInfrastructure
@ActiveProfiles("local")
class CommitmentApiIT {

    private static final String NATIONAL_GUARD = """
            {"id": "%s", "title": "Mexico deploys its National Guard, southern border first",
             "parties": ["MX"], "category": "ENFORCEMENT", "madeOn": "2019-06-07",
             "source": {"document": "001_2d3c7f9c14ad8971.txt", "title": "U.S.-Mexico Joint Declaration",
                        "locator": "Mexican Enforcement Surge"}}
            """;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Value("${ledger.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${ledger.kafka.topic-prefix}")
    String topicPrefix;

    @Test
    void recordsACommitmentAndPublishesItKeyedByItsId() {
        try (LedgerKafka kafka = new LedgerKafka(bootstrapServers,
                                                 topicPrefix + "commitment-ledger.commitments.v1")) {
            http.post().uri("/api/commitments")
                    .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(NATIONAL_GUARD.formatted("mx-national-guard"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION,
                                                "http://localhost:8082/api/commitments/mx-national-guard")
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");

            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.poll().stream().filter(r -> "mx-national-guard".equals(r.key())).findFirst(),
                           found -> found.isPresent())
                    .orElseThrow();
            assertThat(header(record, "ce_type")).isEqualTo("org.commitmentledger.CommitmentMade.v1");
            assertThat(header(record, "ce_subject")).isEqualTo("mx-national-guard");
            assertThat(header(record, "ce_effectivedate")).isEqualTo("2019-06-07");
            JsonNode event = JsonMapper.shared().readTree(record.value());
            assertThat(event.get("commitmentId").asString()).isEqualTo("mx-national-guard");
            assertThat(event.get("madeOn").asString()).isEqualTo("2019-06-07");
            assertThat(event.get("parties").get(0).asString()).isEqualTo("MX");
        }
    }

    @Test
    void answersAMalformedBodyWithAProblemAndWritesNothing() {
        long before = eventCount();

        http.post().uri("/api/commitments")
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"unterminated")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:malformed-request")
                .jsonPath("$.status").isEqualTo(400);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void answersAnImpossibleDateWithAProblemAndWritesNothing() {
        long before = eventCount();

        http.post().uri("/api/commitments")
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(NATIONAL_GUARD.formatted("impossible-date").replace("2019-06-07", "2023-02-30"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:malformed-request");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesAnAnonymousWrite() {
        http.post().uri("/api/commitments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(NATIONAL_GUARD.formatted("anonymous-write"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:unauthenticated");
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from event_store.event_entry").query(Long.class).single();
    }

}
