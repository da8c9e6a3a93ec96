package org.commitmentledger.benchmarks;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Appends through the API (one event per command: a progress report) against the commit-rate limit of the same
 * PostgreSQL: single-row INSERT + COMMIT of a payload of the same size, at the same concurrency. Each API client
 * writes to a commitment of its own, so clients never contend for one stream.
 */
final class AppendBenchmark {

    record Result(int concurrency, double rawPerSecond, Latencies raw, double apiPerSecond, Latencies api) {

        double ratio() {
            return apiPerSecond / rawPerSecond;
        }
    }

    private static final String PAYLOAD = "{\"commitmentId\": \"benchmark\", \"reportId\": \"r\", \"effectiveOn\":"
            + " \"2023-09-01\", \"status\": \"IN_PROGRESS\", \"summary\": \"" + "x".repeat(300) + "\"}";

    private final BenchmarkStack stack;
    private final LedgerHttp http = new LedgerHttp();

    AppendBenchmark(BenchmarkStack stack) {
        this.stack = stack;
    }

    Result run(int concurrency, Duration duration) throws Exception {
        Measured raw = rawJdbc(concurrency, duration);
        Measured api = api(concurrency, duration);
        return new Result(concurrency, raw.perSecond(), raw.latencies(), api.perSecond(), api.latencies());
    }

    private record Measured(double perSecond, Latencies latencies) {
    }

    private Measured rawJdbc(int concurrency, Duration duration) throws Exception {
        try (Connection connection = stack.connection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists raw_commit (id bigserial primary key, payload jsonb)");
        }
        return measure(concurrency, duration, client -> {
            Connection connection = stack.connection();
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement(
                    "insert into raw_commit (payload) values (cast(? as jsonb))");
            return new Operation() {
                @Override
                public void run() throws Exception {
                    insert.setString(1, PAYLOAD);
                    insert.executeUpdate();
                    connection.commit();
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        });
    }

    private Measured api(int concurrency, Duration duration) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        return measure(concurrency, duration, client -> {
            String commitment = "bench-" + run + "-" + concurrency + "-" + client;
            http.record(stack.command().resolve("/api/commitments"), """
                    {"id": "%s", "title": "Benchmark commitment", "parties": ["MX"], "category": "COORDINATION",
                     "madeOn": "2023-05-02", "source": {"document": "benchmark"}}""".formatted(commitment));
            URI progress = stack.command().resolve("/api/commitments/" + commitment + "/progress");
            String body = """
                    {"effectiveOn": "2023-09-01", "status": "IN_PROGRESS", "summary": "%s",
                     "source": {"document": "benchmark"}}""".formatted("x".repeat(300));
            return () -> http.record(progress, body);
        });
    }

    @FunctionalInterface
    interface Operation extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    @FunctionalInterface
    interface Client {
        Operation open(int client) throws Exception;
    }

    /** Runs {@code concurrency} clients in a closed loop for {@code duration}, after a short warm-up. */
    private static Measured measure(int concurrency, Duration duration, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Operation> operations = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                operations.add(client.open(i));
            }
            loop(pool, operations, Duration.ofMillis(Math.min(2_000, duration.toMillis() / 4)));
            long started = System.nanoTime();
            List<long[]> latencies = loop(pool, operations, duration);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = latencies.stream().flatMapToLong(LongStream::of).toArray();
            for (Operation operation : operations) {
                operation.close();
            }
            return new Measured(all.length / seconds, Latencies.of(all));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<long[]> loop(ExecutorService pool, List<Operation> operations, Duration duration)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (Operation operation : operations) {
            Callable<long[]> work = () -> {
                LongStream.Builder times = LongStream.builder();
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    operation.run();
                    times.add(System.nanoTime() - start);
                }
                return times.build().toArray();
            };
            futures.add(pool.submit(work));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
