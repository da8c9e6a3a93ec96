package org.commitmentledger.examples.consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmentledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer against a real broker: records as the ledger publishes them, one of them sent twice. */
class DownstreamConsumerIT {

    private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();
    private final String topic = "consumer-" + UUID.randomUUID() + ".commitment-ledger.commitments.v1";

    @Test
    void buildsItsViewFromTheTopicAndIgnoresAReSentRecord() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, "e1", "CommitmentMade", "national-guard", 0, "{\"commitmentId\": \"national-guard\"}");
            send(producer, "e2", "CommitmentMade", "calexico-east", 0, "{\"commitmentId\": \"calexico-east\"}");
            send(producer, "e3", "ProgressReported", "national-guard", 1, """
                    {"commitmentId": "national-guard", "reportId": "deployed", "effectiveOn": "2019-07-01",
                     "status": "FULFILLED"}""");
            send(producer, "e3", "ProgressReported", "national-guard", 1, """
                    {"commitmentId": "national-guard", "reportId": "deployed", "effectiveOn": "2019-07-01",
                     "status": "FULFILLED"}""");
        }

        try (DownstreamConsumer consumer = new DownstreamConsumer(bootstrapServers, topic, "test-" + UUID.randomUUID())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.pollOnce(Duration.ofMillis(200));
                return consumer.view().countsByStatus().values().stream().mapToLong(Long::longValue).sum() == 2
                        && consumer.duplicates() == 1;
            });

            assertThat(consumer.view().countsByStatus()).isEqualTo(Map.of("FULFILLED", 1L, "NOT_STARTED", 1L));
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String id, String type, String key, long sequence,
                      String value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key,
                value.getBytes(StandardCharsets.UTF_8), List.of(
                header("ce_specversion", "1.0"), header("ce_id", id),
                header("ce_type", "org.commitmentledger." + type + ".v1"),
                header("ce_source", "/commitment-ledger/command-service"), header("ce_subject", key),
                header("ce_streamsequence", Long.toString(sequence))));
        producer.send(record).get();
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
