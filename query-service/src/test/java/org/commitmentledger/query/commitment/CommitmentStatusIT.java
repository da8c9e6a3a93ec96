package org.commitmentledger.query.commitment;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReportRetracted;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

@QueryServiceIT
class CommitmentStatusIT {

    private static final Source STATEMENT = new Source("000_b1c210631cfbef75.txt", "Joint statement",
            LocalDate.of(2023, 5, 2), null, "Fifth");
    private static final Source NOTE = new Source("monitor-note", null, null, null, null);

    @Autowired
    RestTestClient http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    LedgerEvents ledger;
    CommitmentId id;

    @BeforeEach
    void fresh() {
        ledger = new LedgerEvents(eventStore);
        id = new CommitmentId("calexico-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void answersOnBothTimeAxes() {
        ReportId report = new ReportId("permit");
        ledger.record(made(id, LocalDate.of(2023, 12, 31), null),
                      new ProgressReported(id, report, LocalDate.of(2023, 9, 1), ProgressStatus.IN_PROGRESS, null,
                                           null, false, "Permit approved", NOTE, "monitor"));
        awaitVersion(id, 1);
        Instant betweenRecordings = recordedAt(id, 1);
        ledger.record(new ProgressReportCorrected(id, report, LocalDate.of(2023, 9, 1), ProgressStatus.STALLED, null,
                                                  null, false, "Permit still pending", NOTE, "monitor", "misread"));
        awaitVersion(id, 2);

        get(id, "asOf=2023-06-30").jsonPath("$.commitment.status").isEqualTo("NOT_STARTED")
                .jsonPath("$.timeline.length()").isEqualTo(1);
        get(id, "asOf=2023-12-31&knownAt=" + betweenRecordings)
                .jsonPath("$.commitment.status").isEqualTo("IN_PROGRESS")
                .jsonPath("$.commitment.latestReport.summary").isEqualTo("Permit approved");
        get(id, "asOf=2023-12-31").jsonPath("$.commitment.status").isEqualTo("STALLED")
                .jsonPath("$.commitment.latestReport.summary").isEqualTo("Permit still pending")
                .jsonPath("$.commitment.overdue").isEqualTo(false);
        get(id, "asOf=2024-01-15").jsonPath("$.commitment.overdue").isEqualTo(true);
        http.get().uri("/api/commitments/" + id.value() + "?asOf=2023-05-01").exchange()
                .expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-not-found");
    }

    @Test
    void aRetractedReportNoLongerDrivesTheStatus() {
        ReportId report = new ReportId("done");
        ledger.record(made(id, null, null),
                      new ProgressReported(id, report, LocalDate.of(2023, 7, 1), ProgressStatus.FULFILLED, null, null,
                                           false, "Done", NOTE, "monitor"),
                      new ProgressReportRetracted(id, report, LocalDate.of(2023, 7, 1), NOTE, "wrong commitment"));
        awaitVersion(id, 2);

        get(id, "").jsonPath("$.commitment.status").isEqualTo("NOT_STARTED")
                .jsonPath("$.commitment.latestReport").doesNotExist()
                .jsonPath("$.timeline[2].type").isEqualTo("ProgressReportRetracted");
    }

    @Test
    void placesABackdatedEventInItsEffectivePlace() {
        ledger.record(made(id, null, null),
                      new ProgressReported(id, new ReportId("late"), LocalDate.of(2023, 11, 1),
                                           ProgressStatus.STALLED, null, null, false, "Stalled", NOTE, "monitor"),
                      new ProgressReported(id, new ReportId("backdated"), LocalDate.of(2023, 8, 1),
                                           ProgressStatus.IN_PROGRESS, null, null, false, "Started", NOTE, "monitor"),
                      new CommitmentReaffirmed(id, LocalDate.of(2023, 12, 27), STATEMENT, "communique"));
        awaitVersion(id, 3);

        get(id, "asOf=2023-09-30").jsonPath("$.commitment.status").isEqualTo("IN_PROGRESS")
                .jsonPath("$.commitment.reaffirmations").isEqualTo(0);
        get(id, "asOf=2023-12-31").jsonPath("$.commitment.status").isEqualTo("STALLED")
                .jsonPath("$.commitment.reaffirmations").isEqualTo(1)
                .jsonPath("$.timeline[*].type").isEqualTo(List.of("CommitmentMade", "ProgressReported",
                        "ProgressReported", "CommitmentReaffirmed"))
                .jsonPath("$.timeline[1].event.reportId").isEqualTo("backdated");
    }

    @Test
    void showsProgressTowardAQuantitativeTarget() {
        ledger.record(made(id, null, new Target(new BigDecimal("100000"), "people")),
                      new ProgressReported(id, new ReportId("first"), LocalDate.of(2023, 8, 1),
                                           ProgressStatus.IN_PROGRESS, new BigDecimal("40000"), "forty,000", true,
                                           "Forty thousand so far", NOTE, "monitor"));
        awaitVersion(id, 1);

        get(id, "").jsonPath("$.commitment.progress.quantity").isEqualTo(40000)
                .jsonPath("$.commitment.progress.target").isEqualTo(100000)
                .jsonPath("$.commitment.progress.percent").isEqualTo(40.0);
    }

    @Test
    void filtersPagesAndSummarises() {
        CommitmentId other = new CommitmentId(id.value() + "-mx");
        ledger.record(made(id, LocalDate.of(2023, 12, 31), null),
                      new CommitmentMade(other, "Mexico deploys its National Guard", null, List.of(new Party("MX")),
                                         Category.ENFORCEMENT, LocalDate.of(2019, 6, 7), null, null,
                                         new Source("001_2d3c7f9c14ad8971.txt", null, null, null, "paragraph 3")),
                      new ProgressReported(other, new ReportId("deployed"), LocalDate.of(2019, 7, 1),
                                           ProgressStatus.FULFILLED, null, null, false, "Deployed", NOTE, "monitor"));
        awaitVersion(other, 1);

        http.get().uri("/api/commitments?party=MX&category=ENFORCEMENT&status=FULFILLED").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(other.value()));
        http.get().uri("/api/commitments?overdue=true&asOf=2024-02-01&document=000_b1c210631cfbef75.txt")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(id.value()));
        http.get().uri("/api/commitments?size=1&sort=madeOn,desc&party=US").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.size").isEqualTo(1);
        http.get().uri("/api/summary?asOf=2024-02-01").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.byParty.MX.FULFILLED").isNumber()
                .jsonPath("$.overdue[?(@.id == '" + id.value() + "')].dueBy").isEqualTo(List.of("2023-12-31"));
    }

    @Test
    void refusesBadParametersWithAProblem() {
        http.get().uri("/api/commitments?status=MAYBE&size=0&sort=colour").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(3);
        http.get().uri("/api/commitments/anything?asOf=2023-02-30").exchange()
                .expectStatus().isBadRequest();
    }

    private RestTestClient.BodyContentSpec get(CommitmentId commitment, String query) {
        return http.get().uri("/api/commitments/" + commitment.value() + (query.isEmpty() ? "" : "?" + query))
                .exchange().expectStatus().isOk().expectBody();
    }

    private void awaitVersion(CommitmentId commitment, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from query.commitment_event where commitment_id = :id and sequence = :seq")
                .param("id", commitment.value()).param("seq", version).query(Long.class).single() == 1);
    }

    private Instant recordedAt(CommitmentId commitment, long sequence) {
        return jdbc.sql("select recorded_at from query.commitment_event where commitment_id = :id and sequence = :seq")
                .param("id", commitment.value()).param("seq", sequence)
                .query((row, n) -> row.getTimestamp(1).toInstant()).single();
    }

    private static CommitmentMade made(CommitmentId id, LocalDate dueBy, Target target) {
        return new CommitmentMade(id, "Finalize the Calexico East port expansion", null,
                                  List.of(new Party("US"), new Party("MX")), Category.BORDER_INFRASTRUCTURE,
                                  LocalDate.of(2023, 5, 2), target, dueBy, STATEMENT);
    }
}
