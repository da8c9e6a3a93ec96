package org.commitmentledger.query.commitment;

import org.commitmentledger.query.web.TimePoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** When commitments were made: what other features (trend charts, before/after views) may know of commitments. */
public interface CommitmentCalendar {

    record Made(String id, String title, LocalDate madeOn) {
    }

    List<Made> madeBetween(TimePoint at, LocalDate from, LocalDate to);

    Optional<Made> made(String id, TimePoint at);
}
