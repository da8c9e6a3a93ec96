package org.commitmentledger.events;

/** A fact about one commitment; the commitment's id is the stream id. */
public sealed interface CommitmentEvent extends LedgerEvent
        permits CommitmentMade, CommitmentRevised, CommitmentReaffirmed, CommitmentWithdrawn,
                ProgressReported, ProgressReportCorrected, ProgressReportRetracted {

    CommitmentId commitmentId();

    @Override
    default String streamId() {
        return commitmentId().value();
    }
}
