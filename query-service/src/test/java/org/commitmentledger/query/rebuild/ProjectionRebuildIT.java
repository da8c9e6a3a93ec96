package org.commitmentledger.query.rebuild;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryServiceIT
class ProjectionRebuildIT {

    private static final Source SOURCE = new Source("rebuild-test", null, null, null, null);

    @Autowired
    RestTestClient http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildsWhileReadsGoOnAndEndsWithTheSameReadModels() throws Exception {
        LedgerEvents ledger = new LedgerEvents(eventStore);
        for (int i = 0; i < 40; i++) {
            CommitmentId id = new CommitmentId("rebuild-" + i);
            ledger.record(new CommitmentMade(id, "Commitment " + i, null, List.of(new Party(i % 2 == 0 ? "US" : "MX")),
                                             Category.COORDINATION, LocalDate.of(2023, 1, 1).plusDays(i), null,
                                             LocalDate.of(2024, 1, 1), SOURCE),
                          new ProgressReported(id, new ReportId("r-" + i), LocalDate.of(2023, 6, 1).plusDays(i),
                                               ProgressStatus.values()[i % 6], null, null, false, "report " + i,
                                               SOURCE, "monitor"));
            ledger.record(new EncountersMeasured(new EncounterDimensions("U.S. Border Patrol", null, null, null, null),
                                                 YearMonth.of(2022, 1).plusMonths(i), 1000 + i, "rebuild", null,
                                                 SOURCE));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("query.commitment_event", "commitment_id")).isEqualTo(80);
            assertThat(count("query.encounter_count", "release")).isEqualTo(40);
            assertCaughtUp();
        });
        Map<String, List<Map<String, Object>>> before = readModels();

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        for (String path : List.of("/api/commitments?size=50", "/api/encounters/monthly?from=2022-01&to=2025-12")) {
            readers.submit(() -> {
                while (reading.get()) {
                    int status = http.get().uri(path).exchange().returnResult().getStatus().value();
                    reads.incrementAndGet();
                    if (status != 200) {
                        failures.add(status);
                    }
                }
            });
        }

        for (String projection : List.of("commitment-status", "encounter-trends")) {
            http.post().uri("/api/admin/projections/" + projection + "/rebuild")
                    .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals("Location", "/api/admin/projections/" + projection + "/rebuild");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                    .uri("/api/admin/projections/" + projection + "/rebuild")
                    .headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("DONE"));
        }
        reading.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(readModels()).isEqualTo(before);

        ledger.record(new CommitmentMade(new CommitmentId("after-rebuild"), "After", null, List.of(new Party("US")),
                                         Category.COORDINATION, LocalDate.of(2023, 3, 1), null, null, SOURCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from query.commitment_event where commitment_id = 'after-rebuild'")
                .query(Long.class).single() == 1);
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        return Map.of(
                "versions", jdbc.sql("select commitment_id, valid_from, valid_to, recorded_from, recorded_to, position,"
                                             + " status, state::text from query.commitment_version"
                                             + " order by 1, 2, 3, 4, 5, 6, 7, 8").query()
                        .listOfRows(),
                "events", jdbc.sql("select * from query.commitment_event order by commitment_id, sequence").query()
                        .listOfRows(),
                "counts", jdbc.sql("select series_key, period, count, release, recorded_from, recorded_to, position"
                                           + " from query.encounter_count order by 1, 2, 3, 4, 5, 6, 7")
                        .query().listOfRows());
    }

    /** Rows this test wrote: commitments named rebuild-*, counts of release "rebuild". */
    private long count(String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " like 'rebuild%'")
                .query(Long.class).single();
    }

    private void assertCaughtUp() {
        http.get().uri("/api/admin/projections").headers(headers -> headers.setBasicAuth("admin", "admin-local"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.behind != 0)]").isEmpty();
    }
}
