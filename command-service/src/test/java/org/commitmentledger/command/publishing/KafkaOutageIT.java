package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.LedgerKafka;
import org.commitmentledger.testsupport.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmentledger.command.LedgerKafka.header;

/**
 * Kafka goes down while monitors record: commands keep succeeding, and once the broker is back every event arrives,
 * in order per stream, the only duplicates being re-sends of the same event.
 */
@CommandServiceIT
class KafkaOutageIT {

    private static final int COMMITMENTS = 10;
    private static final int REPORTS_EACH = 99;
    private static final KafkaBroker BROKER = startBroker();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Value("${ledger.kafka.bootstrap-servers}")
    String publishingTo;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("ledger.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("ledger.kafka.topic-prefix", () -> "outage.");
        registry.add("ledger.kafka.send-timeout", () -> "3s");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void everyEventRecordedWhileTheBrokerIsDownArrivesOnceItIsBackInOrderPerStream() {
        assertThat(publishingTo).as("the service publishes to this test's own broker")
                .isEqualTo(BROKER.bootstrapServers());
        BROKER.stop();
        for (int c = 0; c < COMMITMENTS; c++) {
            String id = "outage-" + c;
            post("/api/commitments", """
                    {"id": "%s", "title": "Commitment recorded during an outage", "parties": ["MX"],
                     "category": "COORDINATION", "madeOn": "2023-05-02",
                     "source": {"document": "000_b1c210631cfbef75.txt", "locator": "Fifth"}}
                    """.formatted(id));
            for (int r = 0; r < REPORTS_EACH; r++) {
                post("/api/commitments/" + id + "/progress", """
                        {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "summary": "report %d",
                         "source": {"document": "monitor-note"}, "assessor": "monitor"}
                        """.formatted(r));
            }
        }
        List<String> recorded = jdbc.sql("select event_id from event_store.event_entry").query(String.class).list();
        assertThat(recorded).hasSize(COMMITMENTS * (1 + REPORTS_EACH));

        BROKER.start();

        try (LedgerKafka kafka = new LedgerKafka(BROKER.bootstrapServers(), "outage.commitment-ledger.commitments.v1")) {
            await("every recorded event on the topic").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> missing(recorded, kafka.poll()), Set::isEmpty);
            List<ConsumerRecord<String, byte[]>> received = kafka.poll();

            Map<String, ConsumerRecord<String, byte[]>> firstById = new LinkedHashMap<>();
            Map<String, List<Long>> sequencesByKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : received) {
                ConsumerRecord<String, byte[]> first = firstById.putIfAbsent(header(record, "ce_id"), record);
                if (first != null) {
                    assertThat(record.key()).as("a re-send keeps its key").isEqualTo(first.key());
                    assertThat(record.value()).as("a re-send is the same event").isEqualTo(first.value());
                    continue;
                }
                sequencesByKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(Long.parseLong(header(record, "ce_streamsequence")));
            }
            assertThat(firstById.keySet()).containsExactlyInAnyOrderElementsOf(recorded);
            assertThat(sequencesByKey).hasSize(COMMITMENTS).allSatisfy((key, sequences) -> assertThat(sequences)
                    .as("stream %s in order", key)
                    .containsExactlyElementsOf(range(REPORTS_EACH + 1)));
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

    private static Set<String> missing(List<String> recorded, List<ConsumerRecord<String, byte[]>> received) {
        Set<String> missing = new HashSet<>(recorded);
        received.forEach(record -> missing.remove(header(record, "ce_id")));
        return missing;
    }

    private static List<Long> range(int size) {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            values.add(i);
        }
        return values;
    }


    private static KafkaBroker startBroker() {
        try {
            return KafkaBroker.startOnFreePorts(Files.createTempDirectory(Path.of("target"), "kafka-outage-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
