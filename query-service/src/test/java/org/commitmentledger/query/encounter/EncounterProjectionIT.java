package org.commitmentledger.query.encounter;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.events.Source;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueryServiceIT
class EncounterProjectionIT {

    private static final Source SOURCE = new Source("projection-test", null, null, null, null);
    private static final EncounterDimensions SLICE =
            new EncounterDimensions("Office of Field Operations", null, "Projection Test", null, null);

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void laterReleasesOfAMonthRecordedTogetherSupersedeEachOtherInOrder() {
        LedgerEvents ledger = new LedgerEvents(eventStore);
        YearMonth january = YearMonth.of(2021, 1);

        DefaultUnitOfWork.startAndGet(null).execute(() -> ledger.record(
                new EncountersMeasured(SLICE, january, 100, "first", null, SOURCE),
                new EncountersMeasured(SLICE, january.plusMonths(1), 200, "first", null, SOURCE),
                new EncountersMeasured(SLICE, january, 110, "second", "first", SOURCE),
                new EncountersMeasured(SLICE, january, 120, "third", "second", SOURCE)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(versions()).extracting(row -> row.get("count"))
                        .containsExactly(100L, 110L, 120L, 200L));
        List<Map<String, Object>> january2021 = versions().subList(0, 3);
        assertThat(january2021.get(0).get("recorded_to")).isEqualTo(january2021.get(1).get("recorded_from"));
        assertThat(january2021.get(1).get("recorded_to")).isEqualTo(january2021.get(2).get("recorded_from"));
        assertThat(jdbc.sql("select period, count from query.encounter_count where series_key = :series"
                                    + " and recorded_to = 'infinity' order by period")
                           .param("series", SLICE.seriesKey()).query().listOfRows())
                .extracting(row -> row.get("count")).containsExactly(120L, 200L);
    }

    private List<Map<String, Object>> versions() {
        return jdbc.sql("select period, count, recorded_from, recorded_to from query.encounter_count"
                                + " where series_key = :series order by period, position")
                .param("series", SLICE.seriesKey()).query().listOfRows();
    }
}
