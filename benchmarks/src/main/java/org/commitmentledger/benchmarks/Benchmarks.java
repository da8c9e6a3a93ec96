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
import java.util.stream.Stream;

/**
 * The benchmark suite: starts a fresh stack in a scratch directory, runs each benchmark with its baseline, prints
 * the table and writes it to {@code docs/benchmarks.md}.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar [--seconds 10] [--concurrency 1,4,16,64|none]
 * [--import-rows 1000000] [--out FILE]}, from the repository's root, after {@code mvn -B -q -DskipTests package};
 * {@code --import-rows 0} leaves the import out.
 */
public final class Benchmarks {

    static final String COMMAND = "mvn -B -q -DskipTests package && java -jar benchmarks/target/benchmarks.jar";

    private Benchmarks() {
    }

    record Options(Duration duration, List<Integer> concurrency, int importRows, Path out) {

        static Options parse(String... args) {
            Duration duration = Duration.ofSeconds(10);
            List<Integer> concurrency = List.of(1, 4, 16, 64);
            int importRows = 1_000_000;
            Path out = Path.of("docs", "benchmarks.md");
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--seconds" -> duration = Duration.ofMillis((long) (Double.parseDouble(args[i + 1]) * 1000));
                    case "--concurrency" -> concurrency = args[i + 1].equals("none") ? List.of()
                            : Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::parseInt).toList();
                    case "--import-rows" -> importRows = Integer.parseInt(args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(duration, concurrency, importRows, out);
        }
    }

    public static void main(String[] args) throws Exception {
        String report = run(Path.of("").toAbsolutePath(), Options.parse(args));
        System.out.println(report);
    }

    static String run(Path root, Options options) throws Exception {
        Path scratch = Files.createTempDirectory("ledger-benchmarks-");
        try (BenchmarkStack stack = new BenchmarkStack(root, scratch)) {
            AppendBenchmark appends = new AppendBenchmark(stack);
            List<AppendBenchmark.Result> results = new ArrayList<>();
            for (int concurrency : options.concurrency()) {
                System.out.printf("appends at %d clients...%n", concurrency);
                results.add(appends.run(concurrency, options.duration()));
            }
            ImportBenchmark.Result imported = null;
            if (options.importRows() > 0) {
                System.out.printf("import of %d rows...%n", options.importRows());
                imported = new ImportBenchmark(stack, scratch).run(options.importRows());
            }
            String report = report(stack, options, results, imported);
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
                                 ImportBenchmark.Result imported) throws Exception {
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
