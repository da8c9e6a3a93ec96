package org.commitmentledger.command.encounter;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIT
class EncounterWritesIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    Ledger ledger;
    String citizenship;

    @BeforeEach
    void fresh() {
        ledger = new Ledger(jdbc);
        citizenship = "Testland " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void recordsOneCountOrManyAndTellsWhatChanged() {
        post(measurement("2023-05", 206690, "2023-10-release")).expectStatus().isCreated()
                .expectBody().jsonPath("$.recorded").isEqualTo(1);
        post("[" + measurement("2023-05", 206690, "2023-10-release") + ","
                     + measurement("2023-06", 144556, "2023-10-release") + "]")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.recorded").isEqualTo(1).jsonPath("$.unchanged").isEqualTo(1);
    }

    @Test
    void aLaterReleaseSupersedesOnlyTheMonthsItChanges() {
        post("[" + measurement("2023-05", 206690, "first") + "," + measurement("2023-06", 144556, "first") + "]")
                .expectStatus().isCreated();
        long before = ledger.eventCount();

        post("[" + measurement("2023-05", 206700, "second") + "," + measurement("2023-06", 144556, "second") + "]")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.superseded").isEqualTo(1).jsonPath("$.unchanged").isEqualTo(1);

        assertThat(ledger.eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select payload->>'supersedesRelease' from event_store.event_entry"
                                    + " order by global_index desc limit 1").query(String.class).single())
                .isEqualTo("first");
    }

    @Test
    void aReleaseCannotSayTwoThingsAboutOneMonth() {
        post(measurement("2023-05", 206690, "first")).expectStatus().isCreated();

        post(measurement("2023-05", 1, "first")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:release-conflict");
    }

    @Test
    void oneBadCountRefusesTheWholeBatch() {
        long before = ledger.eventCount();

        post("[" + measurement("2023-05", 206690, "first") + "," + measurement("2023-13", 5, "first") + "]")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("[1].period");
        post("[" + measurement("2023-07", 206690, "conflict") + "," + measurement("2023-07", 5, "conflict") + "]")
                .expectStatus().isEqualTo(409);

        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    private String measurement(String period, long count, String release) {
        return """
                {"period": "%s", "count": %d, "component": "U.S. Border Patrol", "citizenship": "%s",
                 "release": "%s", "source": {"document": "cbp-sw-land-border-encounters-fy2022-fy2023.csv"}}"""
                .formatted(period, count, citizenship, release);
    }

    private RestTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/encounters")
                .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
