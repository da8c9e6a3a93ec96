package org.commitmentledger.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak: a fresh stack takes a steady, moderate rate of appends through the API for minutes on end. Every append must
 * succeed, no service may log an error, the heap's troughs, the threads and the database connections must not grow
 * from the first window after warm-up to the last, and the read model and Kafka must keep up.
 * <p>
 * Off in the normal build (it takes {@code soak.minutes}):
 * {@code mvn -B verify -pl benchmarks -am -Psoak -Dit.test=SoakIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * with {@code -Dsoak.minutes=10} (the profile's default), {@code -Dsoak.rate=40} appends/s and
 * {@code -Dsoak.lag-p99-ms=200}.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "[0-9.]+")
class SoakIT {

    private static final double MIB = 1024 * 1024;
    private static final int COMMITMENTS = 200;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    private final LedgerHttp http = new LedgerHttp();

    record Sample(long atNanos, double commandHeap, double queryHeap, double commandThreads, double queryThreads,
                  double databaseConnections, double kafkaLagSeconds) {
    }

    @Test
    void holdsASteadyRateWithoutErrorsGrowthOrFallingBehind() throws Exception {
        Duration duration = Duration.ofMillis((long) (Double.parseDouble(System.getProperty("soak.minutes")) * 60_000));
        int rate = Integer.getInteger("soak.rate", 40);
        long lagTargetMillis = Long.getLong("soak.lag-p99-ms", 200);
        Path scratch = Files.createTempDirectory("ledger-soak-");
        try (BenchmarkStack stack = new BenchmarkStack(Path.of("..").toAbsolutePath().normalize(), scratch, null)) {
            LagBenchmark writes = new LagBenchmark(stack);
            List<String> commitments = new ArrayList<>();
            for (int c = 0; c < COMMITMENTS; c++) {
                commitments.add(writes.create("soak-" + c));
            }

            AtomicLong appended = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<long[]> probeLags = new ConcurrentLinkedQueue<>();
            List<Sample> samples = new ArrayList<>();
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            long started = System.nanoTime();
            try {
                // Open loop: each append has its moment; a slow answer does not lower the rate asked for.
                clock.scheduleAtFixedRate(() -> writers.submit(() -> {
                    long n = appended.incrementAndGet();
                    String commitment = commitments.get((int) (n % COMMITMENTS));
                    try {
                        long version = LagBenchmark.version(writes.report(commitment));
                        if (n % rate == 0) {
                            long answered = System.nanoTime();
                            writes.awaitVersion(commitment, version);
                            probeLags.add(new long[] {answered - started, System.nanoTime() - answered});
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }), 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
                while (System.nanoTime() - started < duration.toNanos()) {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                    samples.add(sample(stack, started));
                }
            } finally {
                clock.shutdownNow();
                writers.shutdown();
                writers.awaitTermination(1, TimeUnit.MINUTES);
            }

            long warmUp = duration.toNanos() / 5;
            List<Sample> first = window(samples, warmUp, 2 * warmUp);
            List<Sample> last = window(samples, duration.toNanos() - warmUp, Long.MAX_VALUE);
            long[] lags = probeLags.stream().filter(lag -> lag[0] >= warmUp).mapToLong(lag -> lag[1]).sorted()
                    .toArray();
            double[] kafkaLags = samples.stream().filter(sample -> sample.atNanos() >= warmUp)
                    .mapToDouble(Sample::kafkaLagSeconds).sorted().toArray();
            System.out.printf("soak: %d appends in %s (%.1f/s asked %d), %d failed; projection lag after warm-up "
                                      + "p50 %.0f ms p99 %.0f ms max %.0f ms (n=%d); Kafka publish lag p99 %.2f s%n",
                              appended.get(), duration, appended.get() / (duration.toNanos() / 1e9), rate,
                              failures.size(), millis(lags, 0.5), millis(lags, 0.99), millis(lags, 1.0), lags.length,
                              kafkaLags.length == 0 ? Double.NaN : kafkaLags[(int) (0.99 * (kafkaLags.length - 1))]);
            samples.forEach(sample -> System.out.printf("soak sample: %s%n", sample));

            assertThat(failures).as("appends that failed").isEmpty();
            for (String service : List.of("command-service", "query-service")) {
                assertThat(Files.readAllLines(scratch.resolve(service + ".log")))
                        .as(service + "'s log").noneMatch(line -> line.contains(" ERROR "));
            }
            assertThat(first).as("samples after warm-up").isNotEmpty();
            assertThat(last).as("samples at the end").isNotEmpty();
            // A trough is what the heap holds after a collection: it may move with the old generation's cycles,
            // but a leak lifts it steadily.
            assertNoGrowth("command heap trough (MiB)", first, last, Sample::commandHeap, Measure.TROUGH, 64);
            assertNoGrowth("query heap trough (MiB)", first, last, Sample::queryHeap, Measure.TROUGH, 64);
            assertNoGrowth("command threads", first, last, Sample::commandThreads, Measure.PEAK, 4);
            assertNoGrowth("query threads", first, last, Sample::queryThreads, Measure.PEAK, 4);
            assertNoGrowth("database connections", first, last, Sample::databaseConnections, Measure.PEAK, 2);
            assertThat(millis(lags, 0.99)).as("projection lag p99 (ms)").isLessThanOrEqualTo(lagTargetMillis);
            assertThat(kafkaLags[(int) (0.99 * (kafkaLags.length - 1))]).as("Kafka publish lag p99 (s)")
                    .isLessThanOrEqualTo(1.0);
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private enum Measure { TROUGH, PEAK }

    private static void assertNoGrowth(String what, List<Sample> first, List<Sample> last,
                                       ToDoubleFunction<Sample> value, Measure measure, double tolerance) {
        double before = measure(first, value, measure);
        double after = measure(last, value, measure);
        System.out.printf("soak: %s %.1f after warm-up, %.1f at the end%n", what, before, after);
        assertThat(after).as(what + " at the end against after warm-up").isLessThanOrEqualTo(before + tolerance);
    }

    private static double measure(List<Sample> samples, ToDoubleFunction<Sample> value, Measure measure) {
        return measure == Measure.TROUGH ? samples.stream().mapToDouble(value).min().orElseThrow()
                : samples.stream().mapToDouble(value).max().orElseThrow();
    }

    private static List<Sample> window(List<Sample> samples, long fromNanos, long toNanos) {
        return samples.stream().filter(sample -> sample.atNanos() >= fromNanos && sample.atNanos() < toNanos).toList();
    }

    private Sample sample(BenchmarkStack stack, long started) throws Exception {
        return new Sample(System.nanoTime() - started,
                          metric(stack.command(), "jvm.memory.used?tag=area:heap") / MIB,
                          metric(stack.query(), "jvm.memory.used?tag=area:heap") / MIB,
                          metric(stack.command(), "jvm.threads.live"),
                          metric(stack.query(), "jvm.threads.live"),
                          databaseConnections(stack),
                          metric(stack.command(), "ledger.kafka.publish.lag"));
    }

    private double metric(URI service, String name) throws Exception {
        return LedgerHttp.number(http.get(service.resolve("/actuator/metrics/" + name), LedgerHttp.ADMIN), "value");
    }

    private static double databaseConnections(BenchmarkStack stack) throws Exception {
        try (Connection connection = stack.connection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "select count(*) from pg_stat_activity where datname = current_database()")) {
            count.next();
            return count.getLong(1) - 1;
        }
    }

    private static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[(int) Math.ceil(quantile * (sortedNanos.length - 1))] / 1e6;
    }
}
