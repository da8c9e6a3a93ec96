package org.commitmentledger.examples.consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusViewTests {

    private final StatusView view = new StatusView();

    @Test
    void aCommitmentWithoutReportsHasNotStarted() {
        view.apply("e1", "org.commitmentledger.CommitmentMade.v1", 0, event("{\"commitmentId\": \"a\"}"));

        assertThat(view.countsByStatus()).isEqualTo(Map.of("NOT_STARTED", 1L));
    }

    @Test
    void theLatestReportByEffectiveDateDecidesEvenWhenRecordedEarlier() {
        view.apply("e1", "org.commitmentledger.CommitmentMade.v1", 0, event("{\"commitmentId\": \"a\"}"));
        view.apply("e2", "org.commitmentledger.ProgressReported.v1", 1, report("r2", "2023-09-01", "FULFILLED"));
        view.apply("e3", "org.commitmentledger.ProgressReported.v1", 2, report("r1", "2023-07-01", "STALLED"));

        assertThat(view.countsByStatus()).isEqualTo(Map.of("FULFILLED", 1L));
    }

    @Test
    void aCorrectionReplacesAReportAndARetractionRemovesIt() {
        view.apply("e1", "org.commitmentledger.CommitmentMade.v1", 0, event("{\"commitmentId\": \"a\"}"));
        view.apply("e2", "org.commitmentledger.ProgressReported.v1", 1, report("r1", "2023-07-01", "IN_PROGRESS"));
        view.apply("e3", "org.commitmentledger.ProgressReported.v1", 2, report("r2", "2023-09-01", "FULFILLED"));
        view.apply("e4", "org.commitmentledger.ProgressReportCorrected.v1", 3, report("r1", "2023-07-01", "STALLED"));
        view.apply("e5", "org.commitmentledger.ProgressReportRetracted.v1", 4,
                   event("{\"commitmentId\": \"a\", \"reportId\": \"r2\", \"effectiveOn\": \"2023-10-01\"}"));

        assertThat(view.countsByStatus()).isEqualTo(Map.of("STALLED", 1L));
    }

    @Test
    void ignoresAReSentEvent() {
        view.apply("e1", "org.commitmentledger.CommitmentMade.v1", 0, event("{\"commitmentId\": \"a\"}"));
        view.apply("e2", "org.commitmentledger.ProgressReported.v1", 1, report("r1", "2023-07-01", "IN_PROGRESS"));
        view.apply("e3", "org.commitmentledger.ProgressReportRetracted.v1", 2,
                   event("{\"commitmentId\": \"a\", \"reportId\": \"r1\", \"effectiveOn\": \"2023-10-01\"}"));

        boolean applied = view.apply("e2", "org.commitmentledger.ProgressReported.v1", 1,
                                     report("r1", "2023-07-01", "IN_PROGRESS"));

        assertThat(applied).isFalse();
        assertThat(view.countsByStatus()).isEqualTo(Map.of("NOT_STARTED", 1L));
    }

    private static JsonNode report(String id, String effectiveOn, String status) {
        return event("{\"commitmentId\": \"a\", \"reportId\": \"" + id + "\", \"effectiveOn\": \"" + effectiveOn
                             + "\", \"status\": \"" + status + "\"}");
    }

    private static JsonNode event(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
