package org.commitmentledger.command.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.commitmentledger.command.Ledger;
import org.commitmentledger.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CBP's own file, broken in one row: a random row, a random column, a random kind of damage. Every such file is
 * refused whole with a 400 that names the broken line, and nothing is written. And bodies that are no CBP file at all,
 * or a good file sent wrongly: a 4xx problem, nothing written.
 */
@JqwikSpringSupport
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@RealInfrastructure
@ActiveProfiles("local")
class HostileImportsIT {

    private static final List<String> LINES = sharedFileLines();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    enum Damage { EMPTY, CONTROL_CHARACTER, NEGATIVE_COUNT, FRACTIONAL_COUNT, HUGE_COUNT, BAD_MONTH, BAD_YEAR,
        LONG_LABEL, OPEN_QUOTE }

    @Property(tries = 60)
    void aFileWithOneBrokenRowIsRefusedWholeAndNamesTheLine(@ForAll("damage") Damaged file) {
        Ledger ledger = new Ledger(jdbc);
        long events = ledger.eventCount();
        long lastPosition = ledger.lastGlobalIndex();

        http.post().uri("/api/encounters/imports?release=hostile")
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(file.content().getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:invalid-cbp-file")
                .jsonPath("$.errors[0].line").isEqualTo(file.line());

        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(ledger.lastGlobalIndex()).isEqualTo(lastPosition);
    }

    enum NotACbpFile { RANDOM_BYTES, RANDOM_TEXT, EMPTY, NUL_BYTES, NO_COUNT_COLUMN, HUGE_LINE, WRONG_CONTENT_TYPE,
        NO_RELEASE, LONG_RELEASE, CONTROL_CHARACTER_RELEASE }

    @Property(tries = 60)
    void anythingButACbpFileIsRefusedWithAProblemAndWritesNothing(@ForAll NotACbpFile kind,
                                                                  @ForAll byte[] noise) {
        Ledger ledger = new Ledger(jdbc);
        long events = ledger.eventCount();
        long lastPosition = ledger.lastGlobalIndex();
        String header = LINES.get(0);
        String release = "hostile";
        String contentType = "text/csv";
        byte[] body = String.join("\r\n", LINES).getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case RANDOM_BYTES -> body = noise;
            case RANDOM_TEXT -> body = (header + "\r\n" + new String(noise, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.UTF_8);
            case EMPTY -> body = new byte[0];
            case NUL_BYTES -> body = (header + "\r\n" + LINES.get(1).replace(',', '\0'))
                    .getBytes(StandardCharsets.UTF_8);
            case NO_COUNT_COLUMN -> body = String.join("\r\n", LINES.stream()
                    .map(line -> line.substring(0, line.lastIndexOf(','))).toList()).getBytes(StandardCharsets.UTF_8);
            case HUGE_LINE -> body = (header + "\r\n" + "x".repeat(2_000_000 + noise.length))
                    .getBytes(StandardCharsets.UTF_8);
            case WRONG_CONTENT_TYPE -> contentType = noise.length % 2 == 0 ? "application/json" : "application/octet-stream";
            case NO_RELEASE -> release = null;
            case LONG_RELEASE -> release = "r".repeat(101 + noise.length);
            case CONTROL_CHARACTER_RELEASE -> release = "release\u0007" + noise.length;
        }
        String uri = release == null ? "/api/encounters/imports"
                : "/api/encounters/imports?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8);
        String type = contentType;

        RestTestClient.ResponseSpec response = http.post().uri(URI.create(uri))
                .headers(headers -> {
                    headers.setBasicAuth("monitor", "monitor-local");
                    headers.set("Content-Type", type);
                })
                .body(body)
                .exchange();

        assertThat(response.returnResult().getStatus().value()).as(kind.name()).isBetween(400, 499);
        response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ledger.eventCount()).as(kind.name()).isEqualTo(events);
        assertThat(ledger.lastGlobalIndex()).as(kind.name()).isEqualTo(lastPosition);
    }

    @Provide
    Arbitrary<Damaged> damage() {
        return Combinators.combine(Arbitraries.integers().between(1, LINES.size() - 1),
                                   Arbitraries.integers().between(0, 8), Arbitraries.of(Damage.values()))
                .as(HostileImportsIT::damaged);
    }

    private static Damaged damaged(int row, int column, Damage damage) {
        List<String> lines = new ArrayList<>(LINES);
        String[] fields = lines.get(row).split(",", -1);
        int labelColumn = 3 + column % 5;
        switch (damage) {
            case EMPTY -> fields[labelColumn] = " ";
            case CONTROL_CHARACTER -> fields[labelColumn] = fields[labelColumn] + "\u0007";
            case NEGATIVE_COUNT -> fields[8] = "-" + fields[8];
            case FRACTIONAL_COUNT -> fields[8] = fields[8] + ".5";
            case HUGE_COUNT -> fields[8] = "99999999999999999";
            case BAD_MONTH -> fields[2] = "SEPT";
            case BAD_YEAR -> fields[0] = "FY" + column;
            case LONG_LABEL -> fields[labelColumn] = "x".repeat(101);
            case OPEN_QUOTE -> fields[labelColumn] = "\"" + fields[labelColumn];
        }
        lines.set(row, String.join(",", fields));
        return new Damaged(String.join("\r\n", lines), row + 1, damage);
    }

    record Damaged(String content, int line, Damage damage) {
    }

    private static List<String> sharedFileLines() {
        try (InputStream in = HostileImportsIT.class.getClassLoader()
                .getResourceAsStream("cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
