package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class KafkaPublishingConfiguration {

    /**
     * Idempotent, fully acknowledged, ordered per partition even across retries and outages. The producer never gives
     * a record up ({@code delivery.timeout.ms} unbounded): a record that expired while a later one of the same
     * partition got through would arrive after it when the batch is sent again, breaking per-stream order. A batch
     * that is not acknowledged within the send timeout is sent again by the processor instead, which can only
     * duplicate records, with the same {@code ce_id}.
     * <p>
     * One request in flight per connection: with more, a broker just back from an outage can refuse a producer's
     * first batch for a partition (not ready yet) and accept the next one, as it takes any sequence number from a
     * producer it has no state for; the first batch then never lands before the second. Seen in CI as a stream whose
     * first records were missing from the topic while the producer retried them forever.
     */
    @Bean(destroyMethod = "")
    Producer<String, byte[]> ledgerEventProducer(KafkaPublishingProperties properties) {
        int timeout = (int) properties.sendTimeout().toMillis();
        Map<String, Object> settings = new HashMap<>(properties.producer());
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "commitment-ledger-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE));
        return new KafkaProducer<>(settings,
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Closing waits for unsent records at most the send timeout: their tokens were not stored, so they are sent again
     * after a restart, and a service asked to stop while Kafka is down must not hang.
     */
    @Bean
    DisposableBean ledgerEventProducerClosing(Producer<String, byte[]> producer, KafkaPublishingProperties properties) {
        return () -> producer.close(properties.sendTimeout());
    }
}
