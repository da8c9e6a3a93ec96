package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmentledger.events.LedgerEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every recorded event to Kafka, keyed by its stream id, from a streaming processor. A batch's token is
 * stored only after the broker acknowledged every record of the batch: if Kafka is down, the batch fails, the token
 * stays, and the batch is sent again later. Delivery is therefore at least once; a re-sent record carries the same
 * {@code ce_id}.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
class KafkaEventPublisher {

    static final String PROCESSOR = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final LedgerRecords records;
    private final KafkaPublishingProperties properties;
    private final PublishingLag lag;

    KafkaEventPublisher(Producer<String, byte[]> producer, Topics topics, LedgerRecords records,
                        KafkaPublishingProperties properties, PublishingLag lag) {
        this.producer = producer;
        this.topics = topics;
        this.records = records;
        this.properties = properties;
        this.lag = lag;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token) {
        topics.ensureExist(topics.livePrefix());
        ProducerRecord<String, byte[]> record = records.of(message, token.position(), topics.livePrefix());
        pendingSends().add(new PendingSend(sendInOrder(producer, record), message));
    }

    /**
     * Sends a record, failing at once if the producer refused it without queueing it (no metadata within
     * {@code max.block.ms}, for one): sending the events after it would put them on the topic before it.
     */
    static Future<RecordMetadata> sendInOrder(Producer<String, byte[]> producer,
                                              ProducerRecord<String, byte[]> record) {
        Future<RecordMetadata> sent = producer.send(record);
        if (sent.isDone()) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw new PublishingFailedException("Kafka refused a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailedException("interrupted while sending to Kafka", e);
            }
        }
        return sent;
    }

    private List<PendingSend> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<PendingSend> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<PendingSend> sends) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        try {
            for (PendingSend send : sends) {
                send.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                lag.published(send.message().getTimestamp());
            }
        } catch (ExecutionException e) {
            throw new PublishingFailedException("Kafka did not acknowledge a record", e.getCause());
        } catch (TimeoutException e) {
            throw new PublishingFailedException("Kafka did not acknowledge within " + properties.sendTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailedException("interrupted while waiting for Kafka", e);
        }
    }

    private record PendingSend(Future<RecordMetadata> acknowledgement, EventMessage<?> message) {
    }
}
