package org.commitmentledger.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmentledger.command.commitment.CommitmentCommands.CorrectProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReaffirmCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.ReportProgress;
import org.commitmentledger.command.commitment.CommitmentCommands.RetractProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReviseCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.WithdrawCommitment;
import org.commitmentledger.command.commitment.CommitmentRuleViolation.Rule;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.CommitmentRevised;
import org.commitmentledger.events.CommitmentWithdrawn;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReportRetracted;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;

class CommitmentTests {

    private static final CommitmentId ID = new CommitmentId("calexico-east-port-of-entry");
    private static final LocalDate MADE_ON = LocalDate.of(2023, 5, 2);
    private static final Source STATEMENT = new Source("000_b1c210631cfbef75.txt",
            "Mexico and United States Strengthen Joint Humanitarian Plan on Migration", MADE_ON,
            "https://www.whitehouse.gov/briefing-room/statements-releases/2023/05/02/", "Fifth");
    private static final Source MONITOR = new Source("https://www.cbp.gov/", "Monitor's note", null, null, null);
    private static final CommitmentMade MADE = new CommitmentMade(ID, "Finalize the Calexico East port expansion",
            null, List.of(new Party("US"), new Party("MX")), Category.BORDER_INFRASTRUCTURE, MADE_ON,
            null, LocalDate.of(2023, 12, 31), STATEMENT);
    private static final ReportId REPORT = new ReportId("permit-approved");
    private static final ProgressReported REPORTED = new ProgressReported(ID, REPORT, LocalDate.of(2023, 9, 1),
            ProgressStatus.IN_PROGRESS, null, null, false, "Presidential permit approved", MONITOR, "monitor");

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void recordsACommitment() {
        fixture.givenNoPriorActivity()
                .when(new MakeCommitment(ID, MADE.title(), null, MADE.parties(), MADE.category(), MADE_ON, null,
                                         MADE.dueBy(), STATEMENT))
                .expectEvents(MADE);
    }

    @Test
    void cannotBeDueBeforeItWasMade() {
        fixture.givenNoPriorActivity()
                .when(new MakeCommitment(ID, MADE.title(), null, MADE.parties(), MADE.category(), MADE_ON, null,
                                         MADE_ON.minusDays(1), STATEMENT))
                .expectException(CommitmentRuleViolation.class)
                .expectExceptionMessage(equalTo("dueBy 2023-05-01 is before madeOn 2023-05-02"));
    }

    @Test
    void cannotTargetANegativeQuantity() {
        fixture.givenNoPriorActivity()
                .when(new MakeCommitment(ID, MADE.title(), null, MADE.parties(), MADE.category(), MADE_ON,
                                         new Target(new BigDecimal("-1"), "people"), null, STATEMENT))
                .expectException(CommitmentRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void reportsProgressAndAnswersTheNewVersion() {
        fixture.given(MADE)
                .when(report(REPORT, LocalDate.of(2023, 9, 1), null))
                .expectEvents(REPORTED)
                .expectResultMessagePayload(new ReportRecorded(1, REPORT.value()));
    }

    @Test
    void cannotReportProgressEffectiveBeforeTheCommitmentWasMade() {
        fixture.given(MADE)
                .when(report(REPORT, MADE_ON.minusDays(1), null))
                .expectException(violation(Rule.BEFORE_COMMITMENT_MADE))
                .expectNoEvents();
    }

    @Test
    void cannotReportANegativeQuantity() {
        fixture.given(MADE)
                .when(report(REPORT, MADE_ON, new BigDecimal("-5")))
                .expectException(violation(Rule.NEGATIVE_QUANTITY))
                .expectNoEvents();
    }

    @Test
    void cannotReuseAReportIdWithinACommitment() {
        fixture.given(MADE, REPORTED)
                .when(report(REPORT, LocalDate.of(2023, 10, 1), null))
                .expectException(violation(Rule.DUPLICATE_REPORT))
                .expectNoEvents();
    }

    @Test
    void cannotReportProgressOnWithdrawnCommitment() {
        fixture.given(MADE, withdrawn())
                .when(report(REPORT, LocalDate.of(2023, 10, 1), null))
                .expectException(violation(Rule.COMMITMENT_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void cannotReviseAWithdrawnCommitment() {
        fixture.given(MADE, withdrawn())
                .when(new ReviseCommitment(ID, null, LocalDate.of(2023, 10, 1), "New wording", null, null, null,
                                           MONITOR, "reworded"))
                .expectException(violation(Rule.COMMITMENT_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(MADE, withdrawn())
                .when(new WithdrawCommitment(ID, null, LocalDate.of(2023, 11, 1), MONITOR, "again"))
                .expectException(violation(Rule.COMMITMENT_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void canBeReaffirmedAfterWithdrawal() {
        fixture.given(MADE, withdrawn())
                .when(new ReaffirmCommitment(ID, null, LocalDate.of(2023, 12, 28), STATEMENT, "communique"))
                .expectEvents(new CommitmentReaffirmed(ID, LocalDate.of(2023, 12, 28), STATEMENT, "communique"));
    }

    @Test
    void canCorrectAnEarlierReportAfterWithdrawal() {
        ProgressReportCorrected corrected = new ProgressReportCorrected(ID, REPORT, LocalDate.of(2023, 9, 1),
                ProgressStatus.STALLED, null, null, false, "Permit pending, not approved", MONITOR, "monitor",
                "misread");
        fixture.given(MADE, REPORTED, withdrawn())
                .when(new CorrectProgressReport(ID, null, REPORT, corrected.effectiveOn(), corrected.status(), null,
                                                null, false, corrected.summary(), MONITOR, "monitor", "misread"))
                .expectEvents(corrected);
    }

    @Test
    void cannotCorrectAnUnknownReport() {
        fixture.given(MADE)
                .when(new CorrectProgressReport(ID, null, new ReportId("no-such-report"), MADE_ON,
                                                ProgressStatus.STALLED, null, null, false, "x", MONITOR, "monitor",
                                                "why"))
                .expectException(violation(Rule.UNKNOWN_REPORT))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectARetractedReport() {
        fixture.given(MADE, REPORTED, retracted())
                .when(new CorrectProgressReport(ID, null, REPORT, MADE_ON, ProgressStatus.STALLED, null, null, false,
                                                "x", MONITOR, "monitor", "why"))
                .expectException(violation(Rule.REPORT_RETRACTED))
                .expectNoEvents();
    }

    @Test
    void retractsAReport() {
        fixture.given(MADE, REPORTED)
                .when(new RetractProgressReport(ID, null, REPORT, LocalDate.of(2023, 9, 1), MONITOR, "duplicate"))
                .expectEvents(retracted())
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotRetractAReportTwice() {
        fixture.given(MADE, REPORTED, retracted())
                .when(new RetractProgressReport(ID, null, REPORT, LocalDate.of(2023, 9, 1), MONITOR, "again"))
                .expectException(violation(Rule.REPORT_RETRACTED))
                .expectNoEvents();
    }

    @Test
    void cannotRetractAnUnknownReport() {
        fixture.given(MADE)
                .when(new RetractProgressReport(ID, null, new ReportId("no-such-report"), MADE_ON, MONITOR, "x"))
                .expectException(violation(Rule.UNKNOWN_REPORT))
                .expectNoEvents();
    }

    @Test
    void revisesTheDueDate() {
        fixture.given(MADE)
                .when(new ReviseCommitment(ID, 0L, LocalDate.of(2023, 11, 1), null, null, null,
                                           LocalDate.of(2024, 6, 30), MONITOR, "extended"))
                .expectEvents(new CommitmentRevised(ID, LocalDate.of(2023, 11, 1), null, null, null,
                                                    LocalDate.of(2024, 6, 30), MONITOR, "extended"));
    }

    @Test
    void cannotReviseWithoutChangingAnything() {
        fixture.given(MADE)
                .when(new ReviseCommitment(ID, null, LocalDate.of(2023, 11, 1), MADE.title(), null, null,
                                           MADE.dueBy(), MONITOR, "same"))
                .expectException(violation(Rule.NOTHING_REVISED))
                .expectNoEvents();
    }

    @Test
    void cannotReviseTheDueDateToBeforeTheCommitmentWasMade() {
        fixture.given(MADE)
                .when(new ReviseCommitment(ID, null, LocalDate.of(2023, 11, 1), null, null, null,
                                           MADE_ON.minusYears(1), MONITOR, "typo"))
                .expectException(violation(Rule.DUE_BEFORE_MADE))
                .expectNoEvents();
    }

    @Test
    void cannotWriteAgainstAStaleVersion() {
        fixture.given(MADE, REPORTED)
                .when(new ReaffirmCommitment(ID, 0L, LocalDate.of(2023, 12, 28), STATEMENT, "communique"))
                .expectException(StaleVersionException.class)
                .expectNoEvents();
    }

    @Test
    void rebuildsFromItsEventsToTheSameDecisions() {
        fixture.given(MADE, REPORTED, retracted(), withdrawn())
                .when(new ReaffirmCommitment(ID, 3L, LocalDate.of(2023, 12, 28), STATEMENT, "communique"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    private static ReportProgress report(ReportId id, LocalDate effectiveOn, BigDecimal quantity) {
        return new ReportProgress(ID, null, id, effectiveOn, ProgressStatus.IN_PROGRESS, quantity, null, false,
                                  "Presidential permit approved", MONITOR, "monitor");
    }

    private static CommitmentWithdrawn withdrawn() {
        return new CommitmentWithdrawn(ID, LocalDate.of(2023, 10, 15), MONITOR, "superseded");
    }

    private static ProgressReportRetracted retracted() {
        return new ProgressReportRetracted(ID, REPORT, LocalDate.of(2023, 9, 1), MONITOR, "duplicate");
    }

    private static org.hamcrest.Matcher<Object> violation(Rule rule) {
        return org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.instanceOf(CommitmentRuleViolation.class),
                org.hamcrest.Matchers.hasProperty("message", org.hamcrest.Matchers.anything()),
                new org.hamcrest.TypeSafeMatcher<Object>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof CommitmentRuleViolation violation && violation.rule() == rule;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a violation of " + rule);
                    }
                });
    }
}
