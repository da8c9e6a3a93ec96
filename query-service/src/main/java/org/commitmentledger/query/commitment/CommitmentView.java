package org.commitmentledger.query.commitment;

import org.commitmentledger.events.Source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

record CommitmentView(
        String id,
        String title,
        String description,
        List<String> parties,
        String category,
        LocalDate madeOn,
        TargetView target,
        LocalDate dueBy,
        Source source,
        long version,
        Instant recordedAt) {

    record TargetView(BigDecimal quantity, String unit) {
    }
}
