package org.commitmentledger.events;

import java.time.LocalDate;

/**
 * A fact the ledger records. It belongs to one stream (the unit of ordering and consistency) and took effect in the
 * world on a business date, which is independent of the instant the ledger recorded it.
 */
public sealed interface LedgerEvent permits CommitmentEvent, EncountersMeasured, ClaimRecorded {

    String streamId();

    LocalDate effectiveOn();
}
