package org.commitmentledger.command.encounter;

import org.commitmentledger.command.CommandServiceIT;
import org.commitmentledger.command.Ledger;
import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.platform.eventstore.EventLogVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file import decides and writes in bulk; one count at a time goes through the EncounterSeries aggregate. Both must
 * leave the same events: each scenario runs through both paths, on slices that differ only in their citizenship.
 */
@CommandServiceIT
class EncounterImportPathsIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventLogVerifier verifier;

    @Autowired
    DataSource dataSource;

    String run;

    @BeforeEach
    void fresh() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anImportRecordsTheSameEventsAsTheAggregateThroughEveryRelease() {
        Path imported = new Path(this, "Bulkland " + run, true);
        Path aggregate = new Path(this, "Seriesland " + run, false);
        List<Row> first = List.of(new Row("2023", "MAY", "U.S. Border Patrol", "Single Adults", 120),
                                  new Row("2023", "JUN", "U.S. Border Patrol", "Single Adults", 80),
                                  new Row("2023", "JUN", "U.S. Border Patrol", "Single Adults", 5),
                                  new Row("2023", "MAY", "Office of Field Operations", "FMUA", 7),
                                  new Row("2022", "OCT", "Office of Field Operations", "FMUA", 1_234));
        List<Row> second = List.of(new Row("2023", "MAY", "U.S. Border Patrol", "Single Adults", 121),
                                   new Row("2023", "JUN", "U.S. Border Patrol", "Single Adults", 86),
                                   new Row("2023", "MAY", "Office of Field Operations", "FMUA", 8),
                                   new Row("2022", "OCT", "Office of Field Operations", "FMUA", 1_234),
                                   new Row("2023", "JUL", "Office of Field Operations", "FMUA", 3));
        List<Row> conflicting = List.of(new Row("2023", "JUL", "Office of Field Operations", "FMUA", 4),
                                        new Row("2023", "AUG", "Office of Field Operations", "FMUA", 9));

        for (Path path : List.of(imported, aggregate)) {
            assertThat(path.record("first", first)).isEqualTo(Map.of("recorded", 4, "superseded", 0, "unchanged", 0));
            assertThat(path.record("first", first)).isEqualTo(Map.of("recorded", 0, "superseded", 0, "unchanged", 4));
            assertThat(path.record("second", second))
                    .isEqualTo(Map.of("recorded", 1, "superseded", 3, "unchanged", 1));
            long before = new Ledger(jdbc).eventCount();
            path.refused("second", conflicting);
            assertThat(new Ledger(jdbc).eventCount()).isEqualTo(before);
        }

        assertThat(imported.events()).hasSize(8).isEqualTo(aggregate.events());
        assertThat(imported.globalOrder()).isEqualTo(aggregate.globalOrder());
        assertThat(imported.supersededReleases()).containsOnly(null, "first");
        assertLogIntact();
    }

    @Test
    void anImportAndTheAggregateContinueEachOthersSeries() {
        Path imported = new Path(this, "Mixland " + run, true);
        Path aggregate = new Path(this, "Mixland " + run, false);
        Row may = new Row("2023", "MAY", "U.S. Border Patrol", "Single Adults", 10);

        aggregate.record("first", List.of(may));
        assertThat(imported.record("second", List.of(may.counting(11), may.inMonth("JUN", 12))))
                .isEqualTo(Map.of("recorded", 1, "superseded", 1, "unchanged", 0));
        assertThat(aggregate.record("third", List.of(may.inMonth("JUN", 13))))
                .isEqualTo(Map.of("recorded", 0, "superseded", 1, "unchanged", 0));

        assertThat(imported.events()).extracting(event -> event.get("sequence_number")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(imported.supersededReleases()).containsExactly(null, "first", null, "second");
        assertLogIntact();
    }

    @Test
    void anImportRacingAnotherWriterOfASeriesRecordsNothing() throws Exception {
        Path imported = new Path(this, "Raceland " + run, true);
        Row may = new Row("2023", "MAY", "U.S. Border Patrol", "Single Adults", 10);
        String stream = may.dimensions(imported.citizenship()).seriesKey();
        long before = new Ledger(jdbc).eventCount();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement insert = other.createStatement()) {
                // What the aggregate would have written first, from another instance of the service.
                insert.execute("""
                        insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
                               payload_type, payload_revision, payload, meta_data, recorded_at, effective_on)
                        values ('%s', 'EncounterSeries', '%s', 0, 'org.commitmentledger.events.EncountersMeasured', '1',
                                '{"dimensions": {"component": "U.S. Border Patrol", "demographic": "Single Adults",
                                  "citizenship": "%s", "titleOfAuthority": "Title 8", "encounterType": "Apprehensions"},
                                  "period": "2023-05", "count": 10, "release": "first", "supersedesRelease": null,
                                  "source": {"document": "paths.csv"}}',
                                '{"principal": "monitor", "correlationId": "%s", "causationId": "%s"}',
                                now(), '2023-05-31')""".formatted(UUID.randomUUID(), stream, imported.citizenship(),
                                                                  UUID.randomUUID(), UUID.randomUUID()));
            }
            CompletableFuture<Integer> racing = CompletableFuture.supplyAsync(
                    () -> imported.send("first", List.of(may, may.inMonth("JUN", 3))));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'copy %'")
                    .query(Long.class).single() > 0);
            other.commit();

            assertThat(racing.get()).isEqualTo(409);
        }
        assertThat(new Ledger(jdbc).eventCount()).isEqualTo(before + 1);
    }

    private void assertLogIntact() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EventLogVerifier.Verification verification = verifier.verify(Instant.now());
            assertThat(verification.brokenLink()).isEmpty();
            assertThat(verification.eventsChecked()).isEqualTo(new Ledger(jdbc).eventCount());
        });
    }

    /** Rows of a CBP file; the citizenship is the path's own. */
    record Row(String fiscalYear, String month, String component, String demographic, long count) {

        Row counting(long other) {
            return new Row(fiscalYear, month, component, demographic, other);
        }

        Row inMonth(String other, long otherCount) {
            return new Row(fiscalYear, other, component, demographic, otherCount);
        }

        EncounterDimensions dimensions(String citizenship) {
            return new EncounterDimensions(component, demographic, citizenship, "Title 8", "Apprehensions");
        }

        String period() {
            int month = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
                    .indexOf(this.month) + 1;
            int year = Integer.parseInt(fiscalYear) - (month >= 10 ? 1 : 0);
            return "%d-%02d".formatted(year, month);
        }
    }

    /** One way in: a CBP file through the import, or the same counts, added up, through the aggregate. */
    record Path(EncounterImportPathsIT test, String citizenship, boolean bulk) {

        private static final String DOCUMENT = "paths.csv";

        Map<String, Object> record(String release, List<Row> rows) {
            RestTestClient.ResponseSpec response = request(release, rows);
            response.expectStatus().isCreated();
            Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
            return Map.of("recorded", body.get("recorded"), "superseded", body.get("superseded"),
                          "unchanged", body.get("unchanged"));
        }

        void refused(String release, List<Row> rows) {
            request(release, rows).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:release-conflict");
        }

        int send(String release, List<Row> rows) {
            return request(release, rows).returnResult().getStatus().value();
        }

        private RestTestClient.ResponseSpec request(String release, List<Row> rows) {
            if (bulk) {
                StringBuilder file = new StringBuilder("Fiscal Year,Month Grouping,Month (abbv),Component,"
                        + "Area of Responsibility,Demographic,Citizenship Grouping,Title of Authority,"
                        + "Encounter Type,Encounter Count\r\n");
                for (Row row : rows) {
                    file.append(String.join(",", row.fiscalYear(), "FYTD", row.month(), row.component(),
                                            "Tucson Sector", row.demographic(), citizenship, "Title 8",
                                            "Apprehensions", "\"" + String.format("%,d", row.count()) + "\""))
                            .append("\r\n");
                }
                return test.http.post().uri("/api/encounters/imports?release=" + release + "&document=" + DOCUMENT)
                        .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .body(file.toString())
                        .exchange();
            }
            Map<String, Long> sums = rows.stream().collect(Collectors.groupingBy(
                    row -> row.period() + "|" + row.component() + "|" + row.demographic(),
                    java.util.LinkedHashMap::new, Collectors.summingLong(Row::count)));
            List<String> measurements = new ArrayList<>();
            sums.forEach((key, count) -> {
                String[] parts = key.split("\\|");
                measurements.add("""
                        {"period": "%s", "count": %d, "component": "%s", "demographic": "%s", "citizenship": "%s",
                         "titleOfAuthority": "Title 8", "encounterType": "Apprehensions", "release": "%s",
                         "source": {"document": "%s", "title": "CBP Southwest Land Border Encounters, release %s",
                                    "url": "%s", "locator": "release %s"}}"""
                                         .formatted(parts[0], count, parts[1], parts[2], citizenship, release,
                                                    DOCUMENT, release, CbpEncounterFile.CBP_PAGE, release));
            });
            return test.http.post().uri("/api/encounters")
                    .headers(headers -> headers.setBasicAuth("monitor", "monitor-local"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("[" + String.join(",", measurements) + "]")
                    .exchange();
        }

        /** This path's events, its citizenship written as X, with what differs per request (ids, times) left out. */
        List<Map<String, Object>> events() {
            String slug = new EncounterDimensions(null, null, citizenship, null, null).seriesKey()
                    .split("\\.")[3];
            return test.jdbc.sql("""
                            select stream_type, replace(stream_id, :slug, 'x') as stream, sequence_number,
                                   payload_type, payload_revision, replace(payload::text, :label, 'X') as payload,
                                   effective_on, meta_data->>'principal' as principal,
                                   (select string_agg(key, ',' order by key) from jsonb_object_keys(meta_data) key)
                                       as metadata_keys,
                                   recorded_at = date_trunc('microseconds', recorded_at) as in_microseconds
                            from event_store.event_entry where payload->'dimensions'->>'citizenship' = :label
                            order by stream, sequence_number""")
                    .param("slug", slug).param("label", citizenship)
                    .query().listOfRows();
        }

        /** Which series and month each event is about, in the order the log holds them. */
        List<String> globalOrder() {
            return test.jdbc.sql("""
                            select payload->'dimensions'->>'component' || ' ' || (payload->>'period')
                            from event_store.event_entry where payload->'dimensions'->>'citizenship' = :label
                            order by global_index""")
                    .param("label", citizenship).query(String.class).list();
        }

        List<String> supersededReleases() {
            return events().stream().map(event -> event.get("payload").toString())
                    .map(payload -> payload.contains("\"supersedesRelease\": null") ? null
                            : payload.replaceAll(".*\"supersedesRelease\": \"([^\"]*)\".*", "$1"))
                    .toList();
        }
    }
}
