package org.commitmentledger.benchmarks;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;

/**
 * A log of a million events (or as many as asked): how fast it is written, projected, rebuilt, queried as of past
 * points of both time axes, and published to Kafka again, each against the raw rate of the same PostgreSQL or Kafka.
 * <p>
 * The log has the ledger's shape (see {@link GeneratedLog}): a tenth are commitments, the rest monthly encounter
 * counts.
 */
final class LargeLogBenchmark {

    record Result(long events, Rate written, Rate rawCopy, Rate projected, Map<String, Rate> rebuilt, Rate rawRead,
                  Latencies summary, Latencies page, Rate republished, Rate rawProducer, boolean verified) {
    }

    record Rate(long count, double seconds) {

        double perSecond() {
            return count / seconds;
        }
    }

    private static final int EVENTS_PER_COMMITMENT = GeneratedLog.EVENTS_PER_COMMITMENT;
    private static final int MONTHS_PER_SERIES = GeneratedLog.MONTHS_PER_SERIES;
    private static final int COMMITMENTS_PER_CHUNK = 10_000;
    private static final int SERIES_PER_CHUNK = 1_000;
    private static final List<String> PROJECTIONS = List.of("commitment-status", "encounter-trends");

    private final BenchmarkStack stack;
    private final Path scratch;
    private final LedgerHttp http = new LedgerHttp();
    private final GeneratedLog log;

    LargeLogBenchmark(BenchmarkStack stack, Path scratch) {
        this.stack = stack;
        this.scratch = scratch;
        this.log = new GeneratedLog(stack);
    }

    Result run(long events, int queries) throws Exception {
        String commitmentTemplate = log.commitmentTemplate();
        String seriesTemplate = log.seriesTemplate();
        long commitments = Math.max(1, events / 10 / EVENTS_PER_COMMITMENT);
        long series = Math.max(1, (events - commitments * EVENTS_PER_COMMITMENT) / MONTHS_PER_SERIES);
        long total = commitments * EVENTS_PER_COMMITMENT + series * MONTHS_PER_SERIES;
        long started = System.nanoTime();
        Instant writtenFrom = Instant.now();
        for (long first = 0; first < commitments; first += COMMITMENTS_PER_CHUNK) {
            log.writeCommitments(commitmentTemplate, "bulk-", first, Math.min(commitments, first + COMMITMENTS_PER_CHUNK) - 1);
        }
        Instant halfway = null;
        for (long first = 0; first < series; first += SERIES_PER_CHUNK) {
            log.writeSeries(seriesTemplate, first, Math.min(series, first + SERIES_PER_CHUNK) - 1);
            if (halfway == null && first + SERIES_PER_CHUNK >= series / 2) {
                halfway = Instant.now();
            }
        }
        Rate written = progress("written", new Rate(total, seconds(started)));
        stack.awaitProjected(Duration.ofMinutes(30));
        Rate projected = progress("projected", new Rate(total, seconds(started)));
        Instant writtenUntil = Instant.now();

        Rate rawCopy = rawCopy(total);
        Latencies summary = asOf("/api/summary", queries, writtenFrom, halfway, writtenUntil);
        Latencies page = asOf("/api/commitments?size=100&sort=id", queries, writtenFrom, halfway, writtenUntil);
        Map<String, Rate> rebuilt = new LinkedHashMap<>();
        for (String projection : PROJECTIONS) {
            rebuilt.put(projection, progress("rebuilt " + projection, rebuild(projection)));
        }
        Rate rawRead = rawRead();
        boolean verified = LedgerHttp.text(http.get(stack.query().resolve("/api/audit/verify"),
                                                    LedgerHttp.AUDITOR), "status").equals("OK");
        Rate republished = progress("republished", republish());
        Rate rawProducer = rawProducer(republished.count());
        return new Result(total, written, rawCopy, projected, rebuilt, rawRead, summary, page, republished,
                          rawProducer, verified);
    }

    /** COPY of the same rows into a table of the same shape without the log's trigger and constraints. */
    private Rate rawCopy(long total) throws Exception {
        Path rows = scratch.resolve("events.copy");
        try (Connection connection = stack.connection(); Statement statement = connection.createStatement()) {
            statement.execute("create table raw_event_copy (like event_store.event_entry)");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(rows)) {
                copy.copyOut("copy (select * from event_store.event_entry order by global_index desc limit "
                                     + total + ") to stdout", out);
            }
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(rows)) {
                long copied = copy.copyIn("copy raw_event_copy from stdin", in);
                if (copied != total) {
                    throw new IllegalStateException("copied " + copied + " rows of " + total);
                }
            }
            Rate rate = new Rate(total, seconds(started));
            statement.execute("drop table raw_event_copy");
            return rate;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /** Sequential reads at random points: effective dates over the commitments' years, recorded instants over the load. */
    private Latencies asOf(String path, int queries, Instant from, Instant halfway, Instant until) throws Exception {
        Random random = new Random(42);
        long span = Duration.between(from, until).toMillis();
        long[] nanos = new long[queries];
        for (int i = -queries / 10; i < queries; i++) {
            LocalDate asOf = LocalDate.of(2019, 6, 1).plusDays(random.nextInt(1_600));
            Instant knownAt = switch (Math.floorMod(i, 3)) {
                case 0 -> halfway;
                case 1 -> from.plusMillis((long) (random.nextDouble() * span));
                default -> until;
            };
            String query = (path.contains("?") ? "&" : "?") + "asOf=" + asOf + "&knownAt=" + knownAt;
            long started = System.nanoTime();
            if (http.get(stack.query().resolve(path + query)).isEmpty()) {
                throw new IllegalStateException(path + query + " did not answer 200");
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        return Latencies.of(nanos);
    }

    private Rate rebuild(String projection) throws Exception {
        URI rebuild = stack.query().resolve("/api/admin/projections/" + projection + "/rebuild");
        http.post(rebuild, LedgerHttp.ADMIN, "", 202);
        String progress = awaitDone(rebuild);
        Instant started = Instant.parse(LedgerHttp.text(progress, "startedAt"));
        Instant finished = Instant.parse(LedgerHttp.text(progress, "finishedAt"));
        return new Rate((long) LedgerHttp.number(progress, "eventsDone"),
                        Duration.between(started, finished).toNanos() / 1e9);
    }

    /** What a rebuild must at least do: read every event of the log, in order, over JDBC. */
    private Rate rawRead() throws Exception {
        try (Connection connection = stack.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1_000);
                long started = System.nanoTime();
                long read = 0;
                try (ResultSet rows = statement.executeQuery(
                        "select global_index, payload_type, payload::text, meta_data::text, recorded_at"
                                + " from event_store.event_entry order by global_index")) {
                    while (rows.next()) {
                        read++;
                    }
                }
                return new Rate(read, seconds(started));
            }
        }
    }

    private Rate republish() throws Exception {
        String started = http.post(stack.command().resolve("/api/admin/republications"), LedgerHttp.ADMIN,
                                   "{\"topicPrefix\": \"bench-replay.\"}", 202);
        String progress = awaitDone(stack.command().resolve("/api/admin/republications/"
                                                                    + LedgerHttp.text(started, "id")));
        Instant queued = Instant.parse(LedgerHttp.text(progress, "queuedAt"));
        Instant finished = Instant.parse(LedgerHttp.text(progress, "finishedAt"));
        return new Rate((long) LedgerHttp.number(progress, "published"),
                        Duration.between(queued, finished).toNanos() / 1e9);
    }

    /**
     * A plain producer with the publisher's acknowledgements (all, idempotent) sending as many records of the log's
     * average size, with headers of the same size, and waiting for every acknowledgement.
     */
    private Rate rawProducer(long count) throws Exception {
        int valueSize;
        try (Connection connection = stack.connection(); Statement statement = connection.createStatement();
             ResultSet average = statement.executeQuery(
                     "select avg(octet_length(payload::text))::int from event_store.event_entry")) {
            average.next();
            valueSize = average.getInt(1);
        }
        String topic = "raw-producer";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                               stack.kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(LagBenchmark.TOPIC)).allTopicNames().get()
                    .get(LagBenchmark.TOPIC).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        byte[] value = "x".repeat(valueSize).getBytes(StandardCharsets.UTF_8);
        byte[] header = "x".repeat(36).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "bulk-" + (i % 10_000),
                                                                             value);
                for (String name : List.of("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time",
                                           "ce_correlationid")) {
                    record.headers().add(name, header);
                }
                sent.add(producer.send(record));
                if (sent.size() == 10_000) {
                    awaitAll(sent);
                }
            }
            awaitAll(sent);
            return new Rate(count, seconds(started));
        }
    }

    private static void awaitAll(List<Future<?>> sent) throws Exception {
        for (Future<?> future : sent) {
            future.get();
        }
        sent.clear();
    }

    private String awaitDone(URI progress) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.get(progress, LedgerHttp.ADMIN);
            String state = LedgerHttp.text(body, "state");
            if (state.equals("DONE")) {
                return body;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException(progress + " failed: " + body);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(progress + " not done in 30 minutes");
    }

    private static Rate progress(String what, Rate rate) {
        System.out.printf("  %s: %d events in %.1f s%n", what, rate.count(), rate.seconds());
        return rate;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
