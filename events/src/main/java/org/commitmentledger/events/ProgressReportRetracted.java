package org.commitmentledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An earlier report (and any correction of it) no longer counts. */
@Revision("1")
public record ProgressReportRetracted(
        CommitmentId commitmentId,
        ReportId reportId,
        LocalDate effectiveOn,
        Source source,
        String reason) implements CommitmentEvent {
}
