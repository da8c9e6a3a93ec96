package org.commitmentledger.examples.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Subscribes to the ledger's commitments topic and keeps a {@link StatusView}. Offsets are committed only after the
 * records they cover were applied, so a restart re-reads rather than skips; the view drops what it already applied.
 * <p>
 * Run: {@code java -cp examples/downstream-consumer/target/downstream-consumer.jar:... \
 * org.commitmentledger.examples.consumer.DownstreamConsumer} with {@code LEDGER_KAFKA_BOOTSTRAP_SERVERS},
 * {@code LEDGER_KAFKA_TOPIC} and {@code CONSUMER_GROUP} in the environment (defaults: localhost:9092,
 * commitment-ledger.commitments.v1, status-view).
 */
public final class DownstreamConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final StatusView view = new StatusView();
    private final JsonMapper json = JsonMapper.shared();
    private long duplicates;

    public DownstreamConsumer(String bootstrapServers, String topic, String group) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once, applies what came, commits the offsets; how many records came. */
    public int pollOnce(Duration timeout) {
        int received = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            boolean applied = view.apply(header(record, "ce_id"), header(record, "ce_type"),
                                         Long.parseLong(header(record, "ce_streamsequence")),
                                         json.readTree(record.value()));
            if (!applied) {
                duplicates++;
            }
            received++;
        }
        if (received > 0) {
            consumer.commitSync();
        }
        return received;
    }

    public StatusView view() {
        return view;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Makes a blocked {@link #pollOnce} return, from another thread (a shutdown hook). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("record at offset " + record.offset() + " has no " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try (DownstreamConsumer consumer = new DownstreamConsumer(
                env.getOrDefault("LEDGER_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env.getOrDefault("LEDGER_KAFKA_TOPIC", "commitment-ledger.commitments.v1"),
                env.getOrDefault("CONSUMER_GROUP", "status-view"))) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                while (true) {
                    if (consumer.pollOnce(Duration.ofSeconds(1)) > 0) {
                        System.out.println(consumer.view().countsByStatus() + " (re-sends ignored: "
                                                   + consumer.duplicates() + ")");
                    }
                }
            } catch (WakeupException stopping) {
                System.out.println("stopped");
            }
        }
    }
}
