package org.commitmentledger.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a monitor may ask of an existing commitment. {@code expectedVersion} carries the request's If-Match: when it
 * is given and the commitment has moved on, nothing is recorded.
 */
final class CommitmentCommands {

    private CommitmentCommands() {
    }

    record ReviseCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                            LocalDate effectiveOn, String title, String description, Target target, LocalDate dueBy,
                            Source source, String reason) {
    }

    record ReaffirmCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                              LocalDate effectiveOn, Source source, String reason) {
    }

    record WithdrawCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                              LocalDate effectiveOn, Source source, String reason) {
    }

    record ReportProgress(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                          ReportId reportId, LocalDate effectiveOn, ProgressStatus status, BigDecimal quantity,
                          String quantityAsWritten, boolean quantityUncertain, String summary, Source source,
                          String assessor) {
    }

    record CorrectProgressReport(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                                 ReportId reportId, LocalDate effectiveOn, ProgressStatus status,
                                 BigDecimal quantity, String quantityAsWritten, boolean quantityUncertain,
                                 String summary, Source source, String assessor, String reason) {
    }

    record RetractProgressReport(@TargetAggregateIdentifier CommitmentId commitmentId, Long expectedVersion,
                                 ReportId reportId, LocalDate effectiveOn, Source source, String reason) {
    }
}
