package org.commitmentledger.benchmarks;

import org.apache.kafka.common.utils.AppInfoParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The benchmark suite: starts a fresh stack in a scratch directory, runs each benchmark with its baseline, prints
 * the table and writes it to {@code docs/benchmarks.md}.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar [--seconds 10] [--concurrency 1,4,16,64|none]
 * [--import-rows 1000000] [--rate 500] [--lag-seconds 30] [--events 1000000] [--queries 200] [--out FILE]
 * [--profile DIR]}, from the repository's root, after {@code mvn -B -q -DskipTests package}. A size of 0
 * ({@code --import-rows}, {@code --rate}, {@code --events}) leaves that benchmark out; {@code --profile} keeps a Java
 * Flight Recording of each service in DIR.
 */
public final class Benchmarks {

    static final String COMMAND = "mvn -B -q -DskipTests package && java -jar benchmarks/target/benchmarks.jar";

    private Benchmarks() {
    }

    record Options(Duration duration, List<Integer> concurrency, int importRows, int rate, Duration lagDuration,
                   long events, int queries, Path out, Path profile) {

        static Options parse(String... args) {
            Duration duration = Duration.ofSeconds(10);
            List<Integer> concurrency = List.of(1, 4, 16, 64);
            int importRows = 1_000_000;
            int rate = 500;
            Duration lagDuration = Duration.ofSeconds(30);
            long events = 1_000_000;
            int queries = 200;
            Path out = Path.of("docs", "benchmarks.md");
            Path profile = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--seconds" -> duration = seconds(args[i + 1]);
                    case "--concurrency" -> concurrency = args[i + 1].equals("none") ? List.of()
                            : Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::parseInt).toList();
                    case "--import-rows" -> importRows = Integer.parseInt(args[i + 1]);
                    case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                    case "--lag-seconds" -> lagDuration = seconds(args[i + 1]);
                    case "--events" -> events = Long.parseLong(args[i + 1]);
                    case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    case "--profile" -> profile = Path.of(args[i + 1]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(duration, concurrency, importRows, rate, lagDuration, events, queries, out, profile);
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        }
    }

    public static void main(String[] args) throws Exception {
        String report = run(Path.of("").toAbsolutePath(), Options.parse(args));
        System.out.println(report);
    }

    static String run(Path root, Options options) throws Exception {
        Path scratch = Files.createTempDirectory("ledger-benchmarks-");
        try (BenchmarkStack stack = new BenchmarkStack(root, scratch, options.profile());
             HeapWatch heap = new HeapWatch(Map.of("command-service", stack.command(),
                                                   "query-service", stack.query()))) {
            AppendBenchmark appends = new AppendBenchmark(stack);
            List<AppendBenchmark.Result> results = new ArrayList<>();
            for (int concurrency : options.concurrency()) {
                System.out.printf("appends at %d clients...%n", concurrency);
                results.add(appends.run(concurrency, options.duration()));
            }
            if (!results.isEmpty()) {
                print(text -> appends(text, options, results));
            }
            ImportBenchmark.Result imported = null;
            if (options.importRows() > 0) {
                System.out.printf("import of %d rows...%n", options.importRows());
                ImportBenchmark.Result measured = new ImportBenchmark(stack, scratch).run(options.importRows());
                print(text -> imports(text, measured));
                imported = measured;
            }
            LagBenchmark.Result lag = null;
            if (options.rate() > 0) {
                System.out.printf("lag at %d appends/s...%n", options.rate());
                LagBenchmark.Result measured = new LagBenchmark(stack).run(options.rate(), options.lagDuration());
                print(text -> lag(text, options, measured));
                lag = measured;
            }
            LargeLogBenchmark.Result large = null;
            if (options.events() > 0) {
                System.out.printf("a log of %d events...%n", options.events());
                large = new LargeLogBenchmark(stack, scratch).run(options.events(), options.queries());
            }
            String report = report(stack, options, results, imported, lag, large, heap.highestMiB());
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), report);
            return report;
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String report(BenchmarkStack stack, Options options, List<AppendBenchmark.Result> results,
                                 ImportBenchmark.Result imported, LagBenchmark.Result lag,
                                 LargeLogBenchmark.Result large, Map<String, Double> heapMiB) throws Exception {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmarks\n\n")
                .append("Written by the benchmark harness; do not edit. Reproduce with:\n\n```bash\n").append(COMMAND)
                .append("\n```\n\n")
                .append("| machine | |\n|---|---|\n")
                .append("| date | ").append(Instant.now()).append(" |\n")
                .append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n")
                .append("| memory | ").append(memory()).append(" |\n")
                .append("| JDK | ").append(System.getProperty("java.vendor")).append(' ')
                .append(System.getProperty("java.version")).append(" |\n")
                .append("| PostgreSQL | ").append(postgresVersion(stack)).append(" (embedded) |\n")
                .append("| Kafka | ").append(AppInfoParser.getVersion()).append(" (one broker, KRaft) |\n")
                .append("| services | one process each, `-Xmx512m` |\n\n");
        if (!results.isEmpty()) {
            appends(text, options, results);
        }
        if (imported != null) {
            imports(text, imported);
        }
        if (lag != null) {
            lag(text, options, lag);
        }
        if (large != null) {
            largeLog(text, large);
        }
        memory(text, heapMiB);
        return text.toString();
    }

    private static void appends(StringBuilder text, Options options, List<AppendBenchmark.Result> results) {
        text.append("## Appends, one event per command, against single-row INSERT + COMMIT\n\n")
                .append("Each client runs in a closed loop for ").append(options.duration().toMillis() / 1000.0)
                .append(" s after a warm-up; raw JDBC writes a row of the same size on the same PostgreSQL at the")
                .append(" same concurrency, in the same run. Latencies in ms.\n\n")
                .append("| clients | raw commits/s | raw p50 / p95 / p99 | API appends/s | API p50 / p95 / p99 |")
                .append(" API / raw | target |\n|---:|---:|---:|---:|---:|---:|---|\n");
        for (AppendBenchmark.Result result : results) {
            text.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f | %s | %.2f | >= 0.50 |%n",
                                      result.concurrency(), result.rawPerSecond(), latencies(result.raw()),
                                      result.apiPerSecond(), latencies(result.api()), result.ratio()));
        }
        text.append('\n');
    }

    private static void imports(StringBuilder text, ImportBenchmark.Result result) {
        text.append("## Bulk import of a CBP file, against COPY and multi-row INSERT\n\n")
                .append("A generated file in CBP's columns, every row its own month and slice, so one event each, is")
                .append(" posted to `/api/encounters/imports` on the fresh service: the time is the whole request,")
                .append(" upload, checks and one transaction. Raw JDBC writes as many rows of the same size into a")
                .append(" copy of the event table (its indexes, not its hash-chain trigger) on the same PostgreSQL,")
                .append(" in one transaction, in the same run, before the import.\n\n")
                .append("| rows | series | events | API s | API events/s | raw COPY rows/s | raw INSERT rows/s")
                .append(" (1,000 a statement) | API / COPY | API / INSERT | target |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
                .append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.0f | %.0f | %.0f | %.2f | %.2f |"
                                              + " >= 20000 events/s |%n",
                                      result.rows(), result.series(), result.events(), result.apiSeconds(),
                                      result.apiPerSecond(), result.copyPerSecond(), result.insertPerSecond(),
                                      result.apiPerSecond() / result.copyPerSecond(),
                                      result.apiPerSecond() / result.insertPerSecond()));
        text.append('\n');
    }

    private static void lag(StringBuilder text, Options options, LagBenchmark.Result lag) {
        text.append("## Lag under a steady rate of appends\n\n")
                .append("For ").append(options.lagDuration().toMillis() / 1000.0).append(" s, on a fixed schedule: ")
                .append(LagBenchmark.PROBES_PER_SECOND).append(" probes a second through the API, the rest of the")
                .append(" rate appended straight into the log (one event per transaction, ProgressReported copied from")
                .append(" one the API recorded), as the API alone peaks below this rate here. Projection lag: from a")
                .append(" probe's 201 to the query service showing its version. Kafka lag: from an event's recorded")
                .append(" time to a plain consumer receiving it, for every event of the run. Latencies in ms.\n\n")
                .append("| appends/s asked | appended/s | projection lag p50 / p95 / p99 | target p99 |")
                .append(" Kafka lag p50 / p95 / p99 | target p99 |\n|---:|---:|---:|---|---:|---|\n")
                .append(String.format(Locale.ROOT, "| %.0f | %.0f | %s | <= 200 | %s | <= 500 |%n",
                                      lag.askedPerSecond(), lag.appendedPerSecond(), latencies(lag.projection()),
                                      latencies(lag.kafka())));
        text.append('\n');
    }

    private static void largeLog(StringBuilder text, LargeLogBenchmark.Result large) {
        text.append("## A log of ").append(large.events()).append(" events\n\n")
                .append("The ledger's shape: a tenth commitments of ten events each (made, then monthly progress")
                .append(" reports), the rest monthly encounter counts in series of 120 months. Generated in SQL from")
                .append(" events the API recorded and appended through the log's own hash-chain trigger, about")
                .append(" 100,000 per transaction. Baselines on the same PostgreSQL or Kafka, in the same run.\n\n")
                .append("| what | events | seconds | events/s | baseline | baseline events/s | ratio | target |\n")
                .append("|---|---:|---:|---:|---|---:|---:|---|\n")
                .append(rate("written to the log (hash chain trigger)", large.written(), "COPY of the same rows",
                             large.rawCopy(), ""))
                .append(rate("projected by the live processors, from the first write", large.projected(),
                             "COPY of the same rows", large.rawCopy(), ">= 20,000 events/s"))

                .append(rebuilds(large))
                .append(rate("republished to Kafka (whole log)", large.republished(),
                             "plain producer, acks=all, same sizes", large.rawProducer(), ">= 0.5x raw producer"))
                .append("\nAs-of reads, one at a time, at random effective dates and recorded instants (before,")
                .append(" during and after the load); hash chains and checkpoints verified afterwards: ")
                .append(large.verified() ? "OK" : "BROKEN").append(". Latencies in ms.\n\n")
                .append("| read | p50 / p95 / p99 | target p95 |\n|---|---:|---|\n")
                .append("| `GET /api/summary?asOf&knownAt` (status of every commitment) | ")
                .append(latencies(large.summary())).append(" | <= 25 |\n")
                .append("| `GET /api/commitments?size=100&asOf&knownAt` | ").append(latencies(large.page()))
                .append(" | <= 25 |\n");
        text.append('\n');
    }

    private static void memory(StringBuilder text, Map<String, Double> heapMiB) {
        text.append("## Memory\n\nHighest used heap sampled every 0.5 s through all of the above (garbage")
                .append(" included), each service running with `-Xmx512m`.\n\n| service | highest used heap MiB |")
                .append(" target |\n|---|---:|---|\n");
        heapMiB.forEach((service, mib) -> text.append(String.format(Locale.ROOT, "| %s | %.0f | < 512 |%n",
                                                                    service, mib)));
    }

    private static String rebuilds(LargeLogBenchmark.Result large) {
        StringBuilder rows = new StringBuilder();
        large.rebuilt().forEach((projection, rate) -> rows.append(rate(
                "rebuild of " + projection + " (reads the whole log)", rate, "JDBC read of the log", large.rawRead(),
                ">= 20,000 events/s")));
        return rows.toString();
    }

    private static String rate(String what, LargeLogBenchmark.Rate rate, String baseline,
                               LargeLogBenchmark.Rate raw, String target) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %s | %.0f | %.2f | %s |%n", what, rate.count(),
                             rate.seconds(), rate.perSecond(), baseline, raw.perSecond(),
                             rate.perSecond() / raw.perSecond(), target);
    }

    /** Each section as soon as it is measured: a long run that fails later still shows what it found. */
    private static void print(Consumer<StringBuilder> section) {
        StringBuilder text = new StringBuilder();
        section.accept(text);
        System.out.print(text);
    }

    private static String latencies(Latencies latencies) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f (n=%d)", latencies.p50(), latencies.p95(),
                             latencies.p99(), latencies.count());
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "unknown";
        }
        return Files.readAllLines(meminfo).stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("unknown");
    }

    private static String postgresVersion(BenchmarkStack stack) throws Exception {
        try (Connection connection = stack.connection(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            return version.getString(1);
        }
    }
}
