package org.commitmentledger.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * @param bootstrapServers the Kafka cluster
 * @param topicPrefix      prepended to every live topic's name (an environment, a test run)
 * @param partitions       partitions of each topic when this service creates it
 * @param replicationFactor replicas of each topic when this service creates it
 * @param retentionMs      topic retention; -1 keeps the whole history so a new subscriber can replay it
 * @param sendTimeout      how long a batch waits for the broker's acknowledgement before it is retried
 * @param producer         further producer settings (security, for one), passed to kafka-clients as they are;
 *                         the delivery guarantees above cannot be overridden
 */
@ConfigurationProperties("ledger.kafka")
record KafkaPublishingProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("") String topicPrefix,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") long retentionMs,
        @DefaultValue("30s") Duration sendTimeout,
        Map<String, String> producer) {

    KafkaPublishingProperties {
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

}
