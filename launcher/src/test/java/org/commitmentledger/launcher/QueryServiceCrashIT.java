package org.commitmentledger.launcher;

import com.jayway.jsonpath.JsonPath;
import org.commitmentledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query service killed outright (SIGKILL: no shutdown, no released claims) while it catches up on a long log and
 * while it rebuilds a projection. Started again, it resumes from its tokens, and its read models are exactly what a
 * rebuild from the log makes: no event applied twice, none missed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryServiceCrashIT {

    /** About 1,200 encounter counts each: enough of a log that a catch-up and a rebuild take seconds. */
    private static final int RELEASES = 20;

    private static FaultStack stack;
    private static ServiceProcess query;

    @BeforeAll
    static void recordALongLogWhileNoQueryServiceRuns() throws Exception {
        stack = FaultStack.start("query-service-crash-it");
        stack.load(RELEASES);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void killedDuringCatchUpItResumesFromItsTokensAndMatchesARebuild() throws Exception {
        long encounterEvents = stack.count("select count(*) from event_store.event_entry"
                                                   + " where payload_type like '%.EncountersMeasured'");
        ServiceProcess starting = stack.startQueryServiceInBackground();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> stack.count("select count(*) from query.encounter_count") > 0);
        starting.kill();
        assertThat(stack.count("select count(*) from query.encounter_count"))
                .as("killed in the middle of the catch-up").isLessThan(encounterEvents);

        query = stack.startQueryService();
        stack.awaitProjected(Duration.ofMinutes(3));

        assertMatchesARebuild();
    }

    @Test
    @Order(2)
    void killedDuringARebuildItKeepsItsLiveTablesAndRebuildsThemAgainExactly() throws Exception {
        Map<String, List<String>> live = stack.readModels();
        HttpResponse<String> accepted = stack.post(query.baseUrl(), FaultStack.ADMIN,
                                                   "/api/admin/projections/encounter-trends/rebuild", "");
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            String progress = stack.get(query.baseUrl(), FaultStack.ADMIN,
                                        "/api/admin/projections/encounter-trends/rebuild");
            return JsonPath.<Integer>read(progress, "$.eventsDone") > 0;
        });
        query.kill();
        assertThat(stack.count("select count(*) from information_schema.tables"
                                       + " where table_schema = 'query' and table_name = 'encounter_count_next'"))
                .as("killed before the rebuild switched tables").isEqualTo(1);

        query = stack.startQueryService();
        assertThat(stack.readModels()).isEqualTo(live);
        stack.importRelease(RELEASES + 1);
        stack.awaitProjected(Duration.ofMinutes(2));

        assertMatchesARebuild();
    }

    private static void assertMatchesARebuild() throws Exception {
        Map<String, List<String>> projected = stack.readModels();
        stack.rebuildAll(query);
        Map<String, List<String>> rebuilt = stack.readModels();
        projected.forEach((table, rows) -> assertThat(rows).as(table).hasSize(rebuilt.get(table).size())
                .isEqualTo(rebuilt.get(table)));
    }
}
