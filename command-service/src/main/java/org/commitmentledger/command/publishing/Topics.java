package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.events.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The published topics: which event goes where, and their creation when missing. Created on first publish rather
 * than at start-up, so that the service starts, and records commands, while Kafka is down.
 */
@Component
class Topics {

    private static final Logger log = LoggerFactory.getLogger(Topics.class);

    private final KafkaPublishingProperties properties;
    private volatile boolean ensured;

    Topics(KafkaPublishingProperties properties) {
        this.properties = properties;
    }

    String topicFor(LedgerEvent event) {
        if (event instanceof CommitmentEvent) {
            return properties.commitmentsTopic();
        }
        if (event instanceof EncountersMeasured) {
            return properties.encountersTopic();
        }
        if (event instanceof ClaimRecorded) {
            return properties.claimsTopic();
        }
        throw new IllegalArgumentException("no topic for " + event.getClass().getName());
    }

    void ensureExist() {
        if (ensured) {
            return;
        }
        Map<String, String> config = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.retentionMs()),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        List<NewTopic> topics = List.of(properties.commitmentsTopic(), properties.encountersTopic(), properties.claimsTopic()).stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicationFactor())
                        .configs(config))
                .toList();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis()))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    log.info("Created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            ensured = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics", e);
        }
    }
}
