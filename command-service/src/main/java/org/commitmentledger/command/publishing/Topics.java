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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The published topics: which event goes where, and their creation when missing. The live topics are created at
 * start-up if Kafka answers, and in any case before the first record is sent to them, so that the service starts,
 * and records commands, while Kafka is down. A republication may write to topics of another prefix.
 */
@Component
class Topics {

    static final String COMMITMENTS = "commitment-ledger.commitments.v1";
    static final String ENCOUNTERS = "commitment-ledger.encounters.v1";
    static final String CLAIMS = "commitment-ledger.claims.v1";

    private static final Logger log = LoggerFactory.getLogger(Topics.class);

    private final KafkaPublishingProperties properties;
    private final Set<String> ensuredPrefixes = ConcurrentHashMap.newKeySet();

    Topics(KafkaPublishingProperties properties) {
        this.properties = properties;
    }

    String livePrefix() {
        return properties.topicPrefix();
    }

    static String topicFor(LedgerEvent event, String prefix) {
        if (event instanceof CommitmentEvent) {
            return prefix + COMMITMENTS;
        }
        if (event instanceof EncountersMeasured) {
            return prefix + ENCOUNTERS;
        }
        if (event instanceof ClaimRecorded) {
            return prefix + CLAIMS;
        }
        throw new IllegalArgumentException("no topic for " + event.getClass().getName());
    }

    @EventListener(ApplicationReadyEvent.class)
    void createLiveTopicsAtStartUp() {
        Thread thread = new Thread(() -> {
            try {
                ensureExist(livePrefix());
            } catch (RuntimeException e) {
                log.warn("Kafka topics not checked at start-up ({}); they will be before the first publish",
                         e.getMessage());
            }
        }, "kafka-topics");
        thread.setDaemon(true);
        thread.start();
    }

    void ensureExist(String prefix) {
        if (ensuredPrefixes.contains(prefix)) {
            return;
        }
        Map<String, String> config = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.retentionMs()),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        List<NewTopic> topics = List.of(COMMITMENTS, ENCOUNTERS, CLAIMS).stream()
                .map(name -> new NewTopic(prefix + name, properties.partitions(), properties.replicationFactor())
                        .configs(config))
                .toList();
        int timeout = (int) properties.sendTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout))) {
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
            ensuredPrefixes.add(prefix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics", e);
        }
    }
}
