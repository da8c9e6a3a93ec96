package org.commitmentledger.command.encounter;

import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.events.Source;

import java.time.YearMonth;

/** One count of one month for one slice of CBP's figures, from one release. */
record Measurement(EncounterDimensions dimensions, YearMonth period, long count, String release, Source source) {
}
