package org.commitmentledger.command.hostile;

import org.commitmentledger.command.Ledger;
import org.commitmentledger.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer's limits come from configuration: here 100 rows and 64 KB, against slices of CBP's own file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.limits.max-import-rows=100", "ledger.limits.max-import-body=64KB"})
@AutoConfigureRestTestClient
@RealInfrastructure
@ActiveProfiles("local")
// A context of its own configuration: closed after this class, while the broker and database still run, not at
// the JVM's exit behind them.
@DirtiesContext
class ImportLimitsIT {

    private static final List<String> LINES = cbpFileLines();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void acceptsAFileWithinBothLimits() {
        assertThat(post(firstRows(100), "within-limits")).isEqualTo(201);
    }

    @Test
    void refusesAFileWithMoreRowsThanTheLimitAndWritesNothing() {
        String file = firstRows(101);
        assertThat(file.length()).as("under the body limit, so that only the rows count").isLessThan(64 * 1024);

        assertRefusedWithoutWriting(file, "one-row-too-many");
    }

    @Test
    void refusesABodyLargerThanTheLimitAndWritesNothing() {
        String file = String.join("\r\n", LINES);
        assertThat(file.length()).isGreaterThan(64 * 1024);

        assertRefusedWithoutWriting(file, "too-large");
    }

    private void assertRefusedWithoutWriting(String file, String release) {
        Ledger ledger = new Ledger(jdbc);
        long events = ledger.eventCount();
        long lastPosition = ledger.lastGlobalIndex();

        assertThat(post(file, release)).isBetween(400, 499);

        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.lastGlobalIndex()).isEqualTo(lastPosition);
    }

    private int post(String file, String release) {
        RestTestClient.ResponseSpec response = http.post().uri("/api/encounters/imports?release=" + release)
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(file.getBytes(StandardCharsets.UTF_8))
                .exchange();
        int status = response.returnResult().getStatus().value();
        if (status >= 400) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return status;
    }

    private static String firstRows(int rows) {
        return String.join("\r\n", LINES.subList(0, rows + 1));
    }

    private static List<String> cbpFileLines() {
        try (InputStream in = ImportLimitsIT.class.getClassLoader()
                .getResourceAsStream("cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
