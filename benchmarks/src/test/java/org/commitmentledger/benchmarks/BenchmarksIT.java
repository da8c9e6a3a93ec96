package org.commitmentledger.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke run with tiny sizes: the harness starts its stack, measures, and writes its report. No timing asserted. */
class BenchmarksIT {

    @Test
    void runsTheSuiteOnAFreshStackAndWritesTheReport() throws Exception {
        Path out = Path.of("target", "benchmarks-smoke.md");

        String report = Benchmarks.run(Path.of("..").toAbsolutePath().normalize(),
                                       Benchmarks.Options.parse("--seconds", "1", "--concurrency", "1,2",
                                                                "--import-rows", "2400",
                                                                "--rate", "50", "--lag-seconds", "2",
                                                                "--events", "2000", "--queries", "20",
                                                                "--out", out.toString()));

        assertThat(Files.readString(out)).isEqualTo(report);
        assertThat(report).contains("| cores |", "| PostgreSQL |", Benchmarks.COMMAND)
                .containsPattern("\\n\\| 1 \\| \\d+ \\|")
                .containsPattern("\\n\\| 2 \\| \\d+ \\|")
                .containsPattern("\\n\\| 2400 \\| 100 \\| 2400 \\|")
                .containsPattern("\\n\\| 50 \\| \\d+ \\| [\\d.]+ / [\\d.]+ / [\\d.]+ \\(n=\\d+\\) \\|")
                .containsPattern("\\n\\| rebuild of commitment-status \\(reads the whole log\\) \\| \\d+ \\| [\\d.]+ \\| \\d+ \\|")
                .contains("verified afterwards: OK", "| query-service |");
    }
}
