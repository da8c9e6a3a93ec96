package org.commitmentledger.command.encounter;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIT
class CbpImportIT {

    private static final String SHARED_FILE = "cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsTheSharedFileWithTheSameMonthlyTotalsAndOnlyOnce() throws IOException {
        byte[] file = sharedFile();

        importFile("shared-2023", file).expectStatus().isCreated()
                .expectBody().jsonPath("$.rows").isEqualTo(1201).jsonPath("$.unchanged").isEqualTo(0);
        long events = new Ledger(jdbc).eventCount();

        assertThat(fiscalYearTotal("shared-2023", "2021-10", "2022-09")).isEqualTo(2_378_944L);
        assertThat(fiscalYearTotal("shared-2023", "2022-10", "2023-09")).isEqualTo(2_475_669L);
        assertThat(monthTotal("shared-2023", "2023-06")).isEqualTo(144_556L);

        importFile("shared-2023", file).expectStatus().isCreated()
                .expectBody().jsonPath("$.recorded").isEqualTo(0).jsonPath("$.superseded").isEqualTo(0);
        assertThat(new Ledger(jdbc).eventCount()).isEqualTo(events);
    }

    @Test
    void refusesAFileWithOneBrokenRowAndSaysWhichLine() throws IOException {
        String[] lines = new String(sharedFile(), StandardCharsets.UTF_8).split("\r\n");
        lines[42] = lines[42].replaceFirst(",\\d+$", ",forty");
        long events = new Ledger(jdbc).eventCount();

        importFile("broken", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:invalid-cbp-file")
                .jsonPath("$.problemCount").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(43)
                .jsonPath("$.errors[0].column").isEqualTo("Encounter Count");

        assertThat(new Ledger(jdbc).eventCount()).isEqualTo(events);
    }

    private long fiscalYearTotal(String release, String from, String to) {
        return jdbc.sql("""
                        select coalesce(sum((payload->>'count')::bigint), 0) from event_store.event_entry
                        where payload->>'release' = :release and payload->>'period' between :from and :to""")
                .param("release", release).param("from", from).param("to", to).query(Long.class).single();
    }

    private long monthTotal(String release, String month) {
        return fiscalYearTotal(release, month, month);
    }

    private RestTestClient.ResponseSpec importFile(String release, byte[] file) {
        return http.post().uri("/api/encounters/imports?release=" + release + "&document=shared.csv")
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(file)
                .exchange();
    }

    private static byte[] sharedFile() throws IOException {
        try (InputStream in = CbpImportIT.class.getClassLoader().getResourceAsStream(SHARED_FILE)) {
            return in.readAllBytes();
        }
    }
}
