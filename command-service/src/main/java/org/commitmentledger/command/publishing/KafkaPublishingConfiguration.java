package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> ledgerEventProducer(KafkaPublishingProperties properties) {
        int timeout = (int) properties.sendTimeout().toMillis();
        Map<String, Object> settings = new HashMap<>(properties.producer());
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "commitment-ledger-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE));
        return new KafkaProducer<>(settings,
                new StringSerializer(), new ByteArraySerializer());
    }
}
