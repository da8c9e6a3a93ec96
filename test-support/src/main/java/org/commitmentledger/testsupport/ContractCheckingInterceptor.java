package org.commitmentledger.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.record.TimestampType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks every record a service's producer sends against the published contract, so that every message published
 * in a test is checked, read back or not. Kafka logs and swallows what an interceptor throws, so violations are kept
 * here and failed by {@link PublishedRecordsConform}.
 */
public final class ContractCheckingInterceptor implements ProducerInterceptor<String, byte[]> {

    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        try {
            KafkaContract.assertConforms(new ConsumerRecord<>(record.topic(), 0, 0L, 0L,
                    TimestampType.NO_TIMESTAMP_TYPE, -1, -1, record.key(), record.value(), record.headers(),
                    Optional.empty()));
        } catch (AssertionError violation) {
            VIOLATIONS.add(record.topic() + " key " + record.key() + ": " + violation.getMessage());
        }
        return record;
    }

    /** The violations seen since the last call. */
    static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String violation = VIOLATIONS.poll(); violation != null; violation = VIOLATIONS.poll()) {
            drained.add(violation);
        }
        return drained;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
