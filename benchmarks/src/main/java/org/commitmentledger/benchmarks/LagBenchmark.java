package org.commitmentledger.benchmarks;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * How long an append takes to show, in the query service's read model and on Kafka, under a steady rate of appends.
 * <p>
 * The load is open-loop: every event has its moment on a fixed schedule. The API's own peak on this machine is below
 * the rate asked for (see the append benchmark), so most of the load is appended straight into the log, each event in
 * a transaction of its own, as progress reports on 500 generated commitments ({@link GeneratedLog}), copies of
 * their last report with new event and report ids and the next sequence: every processor reads and handles them as
 * any other. A few probes a second go
 * through the API; for each, the time from its 201 to the read model showing its version is the projection lag. The
 * Kafka lag is, for every event of the window, the time it was received by a plain consumer minus its recorded time.
 */
final class LagBenchmark {

    record Result(double askedPerSecond, double appendedPerSecond, Latencies projection, Latencies kafka) {
    }

    private static final int WRITERS = 4;
    // Spread wide, as monitors' reports are: a commitment's read model grows with its reports, and the lag measured
    // must be that of the ledger, not of a few commitments with thousands of reports each.
    private static final int LOAD_COMMITMENTS = 500;
    static final int PROBES_PER_SECOND = 10;
    static final String TOPIC = "commitment-ledger.commitments.v1";

    private final BenchmarkStack stack;
    private final LedgerHttp http = new LedgerHttp();
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicLong published = new AtomicLong();

    LagBenchmark(BenchmarkStack stack) {
        this.stack = stack;
    }

    Result run(int perSecond, Duration duration) throws Exception {
        stack.awaitProjected(Duration.ofMinutes(30));
        List<String> probes = new ArrayList<>();
        for (int p = 0; p < PROBES_PER_SECOND; p++) {
            probes.add(create("probe-" + p));
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        KafkaConsumer<String, byte[]> consumer = consumerAtEnd();
        try {
            List<List<String>> streams = loadCommitments(consumer);
            double directPerWriter = (perSecond - PROBES_PER_SECOND) / (double) WRITERS;
            Instant from = Instant.now();
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            List<Future<Long>> writers = new ArrayList<>();
            for (List<String> own : streams) {
                writers.add(pool.submit(() -> appendDirectly(own, directPerWriter, started, deadline)));
            }
            Future<long[]> probing = pool.submit(() -> probe(probes, started, deadline));
            Future<long[]> kafka = pool.submit(() -> kafkaLags(consumer, from, stop));
            long appended = 0;
            for (Future<Long> writer : writers) {
                appended += writer.get();
            }
            long[] projection = probing.get();
            appended += projection.length;
            double seconds = (System.nanoTime() - started) / 1e9;
            awaitPublished(from, appended);
            stop.set(true);
            return new Result(perSecond, appended / seconds, Latencies.of(projection), Latencies.of(kafka.get()));
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            consumer.close();
        }
    }

    /**
     * Generates the commitments the load reports on, and waits until the read model and Kafka have them all, so that
     * the lag measured is not a backlog's. Returns each writer's share of them.
     */
    private List<List<String>> loadCommitments(KafkaConsumer<String, byte[]> consumer) throws Exception {
        GeneratedLog log = new GeneratedLog(stack);
        String prefix = "lag-" + run + "-load-";
        log.writeCommitments(log.commitmentTemplate(), prefix, 0, LOAD_COMMITMENTS - 1);
        String last = prefix + (LOAD_COMMITMENTS - 1);
        String lastSequence = Integer.toString(GeneratedLog.EVENTS_PER_COMMITMENT - 1);
        stack.awaitProjected(Duration.ofMinutes(10));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        boolean published = false;
        while (!published) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(last + " not on Kafka after 2 minutes");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                published |= last.equals(record.key()) && lastSequence.equals(header(record, "ce_streamsequence"));
            }
        }
        List<List<String>> streams = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            List<String> own = new ArrayList<>();
            for (int c = writer; c < LOAD_COMMITMENTS; c += WRITERS) {
                own.add(prefix + c);
            }
            streams.add(own);
        }
        return streams;
    }

    /**
     * Appends on schedule into the log, to its own streams, each event a copy of the stream's last progress report
     * with new ids and the next sequence; returns how many were appended.
     */
    private long appendDirectly(List<String> streams, double perSecond, long started, long deadline)
            throws Exception {
        long interval = (long) (1e9 / perSecond);
        try (Connection connection = stack.connection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
                         payload_type, payload_revision, payload, meta_data, recorded_at, effective_on)
                     values (?, ?, ?, ?, ?, ?, jsonb_set(cast(? as jsonb), '{reportId}', to_jsonb(?::text)),
                         cast(? as jsonb), now(), ?)""")) {
            List<LastReport> last = new ArrayList<>();
            for (String stream : streams) {
                last.add(LastReport.of(connection, stream));
            }
            long[] sequences = last.stream().mapToLong(LastReport::sequence).toArray();
            long appended = 0;
            for (long next = started; next < deadline; next += interval) {
                pause(next);
                int stream = (int) (appended % last.size());
                LastReport report = last.get(stream);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, report.streamType());
                insert.setString(3, report.stream());
                insert.setLong(4, ++sequences[stream]);
                insert.setString(5, report.payloadType());
                insert.setString(6, report.payloadRevision());
                insert.setString(7, report.payload());
                insert.setString(8, UUID.randomUUID().toString());
                insert.setString(9, report.metaData());
                insert.setObject(10, report.effectiveOn());
                insert.executeUpdate();
                appended++;
            }
            return appended;
        }
    }

    /** The last event of a stream, as the direct appends copy it. */
    private record LastReport(String stream, String streamType, String payloadType, String payloadRevision,
                              String payload, String metaData, LocalDate effectiveOn, long sequence) {

        static LastReport of(Connection connection, String stream) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("""
                    select stream_type, payload_type, payload_revision, payload::text, meta_data::text,
                        effective_on, sequence_number
                    from event_store.event_entry where stream_id = ? order by sequence_number desc limit 1""")) {
                select.setString(1, stream);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no events in " + stream);
                    }
                    return new LastReport(stream, row.getString(1), row.getString(2), row.getString(3),
                                          row.getString(4), row.getString(5), row.getObject(6, LocalDate.class),
                                          row.getLong(7));
                }
            }
        }
    }

    /**
     * Probes through the API on schedule, each time to the next of the probe commitments (their timelines stay
     * short); returns each one's time from its answer to its read model showing it.
     */
    private long[] probe(List<String> commitments, long started, long deadline) throws Exception {
        LongStream.Builder lags = LongStream.builder();
        long interval = 1_000_000_000L / PROBES_PER_SECOND;
        int probed = 0;
        for (long next = started + interval / 2; next < deadline; next += interval) {
            pause(next);
            String commitment = commitments.get(probed++ % commitments.size());
            long version = version(report(commitment));
            long answered = System.nanoTime();
            awaitVersion(commitment, version);
            lags.add(System.nanoTime() - answered);
        }
        return lags.build().toArray();
    }

    void awaitVersion(String commitment, long version) throws Exception {
        URI readModel = stack.query().resolve("/api/commitments/" + commitment);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (version(http.get(readModel)) < version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(commitment + " version " + version + " not in the read model");
            }
            Thread.sleep(1);
        }
    }

    private long[] kafkaLags(KafkaConsumer<String, byte[]> consumer, Instant from, AtomicBoolean stop) {
        LongStream.Builder lags = LongStream.builder();
        while (!stop.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                Instant received = Instant.now();
                Instant recorded = Instant.parse(header(record, "ce_time"));
                if (!recorded.isBefore(from)) {
                    lags.add(Duration.between(recorded, received).toNanos());
                    published.incrementAndGet();
                }
            }
        }
        return lags.build().toArray();
    }

    private void awaitPublished(Instant from, long appended) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (published.get() < appended && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (published.get() < appended) {
            throw new IllegalStateException("only " + published.get() + " of " + appended + " events recorded since "
                                                    + from + " reached Kafka");
        }
    }

    private KafkaConsumer<String, byte[]> consumerAtEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(TOPIC, Duration.ofMinutes(1))) {
            partitions.add(new TopicPartition(TOPIC, partition.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Creates a commitment, and checks the read model names versions as the command API does. */
    String create(String name) throws Exception {
        String id = "lag-" + run + "-" + name;
        long version = version(http.record(stack.command().resolve("/api/commitments"), """
                {"id": "%s", "title": "Benchmark commitment", "parties": ["MX"], "category": "COORDINATION",
                 "madeOn": "2023-05-02", "source": {"document": "benchmark"}}""".formatted(id)));
        awaitVersion(id, version);
        long shown = version(http.get(stack.query().resolve("/api/commitments/" + id)));
        if (shown != version) {
            throw new IllegalStateException("the read model shows version " + shown + " for version " + version);
        }
        return id;
    }

    String report(String commitment) throws Exception {
        return http.record(stack.command().resolve("/api/commitments/" + commitment + "/progress"), """
                {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "summary": "%s",
                 "source": {"document": "benchmark"}}""".formatted("x".repeat(300)));
    }

    static long version(String json) {
        return (long) LedgerHttp.number(json, "version");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void pause(long until) throws InterruptedException {
        long left = until - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
