package org.commitmentledger.command.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmentledger.command.commitment.CommitmentCommands.CorrectProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReaffirmCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.ReportProgress;
import org.commitmentledger.command.commitment.CommitmentCommands.RetractProgressReport;
import org.commitmentledger.command.commitment.CommitmentCommands.ReviseCommitment;
import org.commitmentledger.command.commitment.CommitmentCommands.WithdrawCommitment;
import org.commitmentledger.command.commitment.CommitmentRuleViolation.Rule;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.CommitmentRevised;
import org.commitmentledger.events.CommitmentWithdrawn;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReportRetracted;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A commitment one or more parties made. Decides what may be recorded about it; every command handler answers with
 * the version the commitment is at afterwards.
 */
@Aggregate(cache = CommitmentCaching.NAME)
class Commitment {

    @AggregateIdentifier
    private CommitmentId commitmentId;
    private long version;
    private LocalDate madeOn;
    private String title;
    private String description;
    private Target target;
    private LocalDate dueBy;
    private boolean withdrawn;
    private final Map<ReportId, Boolean> reportRetracted = new HashMap<>();

    Commitment() {
    }

    @CommandHandler
    Commitment(MakeCommitment command) {
        if (command.dueBy() != null && command.dueBy().isBefore(command.madeOn())) {
            throw new CommitmentRuleViolation(Rule.DUE_BEFORE_MADE, "dueBy " + command.dueBy()
                    + " is before madeOn " + command.madeOn());
        }
        requireNonNegative(command.target() == null ? null : command.target().quantity());
        apply(new CommitmentMade(command.commitmentId(), command.title(), command.description(), command.parties(),
                                 command.category(), command.madeOn(), command.target(), command.dueBy(),
                                 command.source()));
    }

    @CommandHandler
    long handle(ReviseCommitment command) {
        requireVersion(command.expectedVersion());
        requireNotWithdrawn();
        requireEffectiveAfterMade(command.effectiveOn());
        requireNonNegative(command.target() == null ? null : command.target().quantity());
        LocalDate newDueBy = command.dueBy() == null ? dueBy : command.dueBy();
        if (newDueBy != null && newDueBy.isBefore(madeOn)) {
            throw new CommitmentRuleViolation(Rule.DUE_BEFORE_MADE, "dueBy " + newDueBy + " is before madeOn "
                    + madeOn);
        }
        boolean changes = changes(command.title(), title) || changes(command.description(), description)
                || changes(command.target(), target) || changes(command.dueBy(), dueBy);
        if (!changes) {
            throw new CommitmentRuleViolation(Rule.NOTHING_REVISED,
                    "the revision changes neither the wording, the target nor the due date");
        }
        apply(new CommitmentRevised(commitmentId, command.effectiveOn(), command.title(), command.description(),
                                    command.target(), command.dueBy(), command.source(), command.reason()));
        return version;
    }

    @CommandHandler
    long handle(ReaffirmCommitment command) {
        requireVersion(command.expectedVersion());
        requireEffectiveAfterMade(command.effectiveOn());
        apply(new CommitmentReaffirmed(commitmentId, command.effectiveOn(), command.source(), command.reason()));
        return version;
    }

    @CommandHandler
    long handle(WithdrawCommitment command) {
        requireVersion(command.expectedVersion());
        requireNotWithdrawn();
        requireEffectiveAfterMade(command.effectiveOn());
        apply(new CommitmentWithdrawn(commitmentId, command.effectiveOn(), command.source(), command.reason()));
        return version;
    }

    @CommandHandler
    ReportRecorded handle(ReportProgress command) {
        requireVersion(command.expectedVersion());
        requireNotWithdrawn();
        requireEffectiveAfterMade(command.effectiveOn());
        requireNonNegative(command.quantity());
        if (reportRetracted.containsKey(command.reportId())) {
            throw new CommitmentRuleViolation(Rule.DUPLICATE_REPORT, "report " + command.reportId()
                    + " already exists on " + commitmentId);
        }
        apply(new ProgressReported(commitmentId, command.reportId(), command.effectiveOn(), command.status(),
                                   command.quantity(), command.quantityAsWritten(), command.quantityUncertain(),
                                   command.summary(), command.source(), command.assessor()));
        return new ReportRecorded(version, command.reportId().value());
    }

    @CommandHandler
    long handle(CorrectProgressReport command) {
        requireVersion(command.expectedVersion());
        requireLiveReport(command.reportId());
        requireEffectiveAfterMade(command.effectiveOn());
        requireNonNegative(command.quantity());
        apply(new ProgressReportCorrected(commitmentId, command.reportId(), command.effectiveOn(), command.status(),
                                          command.quantity(), command.quantityAsWritten(),
                                          command.quantityUncertain(), command.summary(), command.source(),
                                          command.assessor(), command.reason()));
        return version;
    }

    @CommandHandler
    long handle(RetractProgressReport command) {
        requireVersion(command.expectedVersion());
        requireLiveReport(command.reportId());
        requireEffectiveAfterMade(command.effectiveOn());
        apply(new ProgressReportRetracted(commitmentId, command.reportId(), command.effectiveOn(), command.source(),
                                          command.reason()));
        return version;
    }

    private void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new StaleVersionException(expected, version);
        }
    }

    private void requireNotWithdrawn() {
        if (withdrawn) {
            throw new CommitmentRuleViolation(Rule.COMMITMENT_WITHDRAWN, commitmentId
                    + " is withdrawn: only reaffirmations and corrections of earlier reports can be recorded");
        }
    }

    private void requireEffectiveAfterMade(LocalDate effectiveOn) {
        if (effectiveOn.isBefore(madeOn)) {
            throw new CommitmentRuleViolation(Rule.BEFORE_COMMITMENT_MADE, "effectiveOn " + effectiveOn
                    + " is before the commitment was made on " + madeOn);
        }
    }

    private static void requireNonNegative(BigDecimal quantity) {
        if (quantity != null && quantity.signum() < 0) {
            throw new CommitmentRuleViolation(Rule.NEGATIVE_QUANTITY, "quantity " + quantity + " is negative");
        }
    }

    private void requireLiveReport(ReportId reportId) {
        Boolean retracted = reportRetracted.get(reportId);
        if (retracted == null) {
            throw new CommitmentRuleViolation(Rule.UNKNOWN_REPORT, "no report " + reportId + " on " + commitmentId);
        }
        if (retracted) {
            throw new CommitmentRuleViolation(Rule.REPORT_RETRACTED, "report " + reportId + " was retracted");
        }
    }

    private static boolean changes(Object proposed, Object current) {
        return proposed != null && !Objects.equals(proposed, current);
    }

    @EventSourcingHandler
    void on(CommitmentMade event, @SequenceNumber long sequence) {
        commitmentId = event.commitmentId();
        madeOn = event.madeOn();
        title = event.title();
        description = event.description();
        target = event.target();
        dueBy = event.dueBy();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CommitmentRevised event, @SequenceNumber long sequence) {
        title = event.title() == null ? title : event.title();
        description = event.description() == null ? description : event.description();
        target = event.target() == null ? target : event.target();
        dueBy = event.dueBy() == null ? dueBy : event.dueBy();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CommitmentReaffirmed event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(CommitmentWithdrawn event, @SequenceNumber long sequence) {
        withdrawn = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(ProgressReported event, @SequenceNumber long sequence) {
        reportRetracted.put(event.reportId(), false);
        version = sequence;
    }

    @EventSourcingHandler
    void on(ProgressReportCorrected event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(ProgressReportRetracted event, @SequenceNumber long sequence) {
        reportRetracted.put(event.reportId(), true);
        version = sequence;
    }
}
