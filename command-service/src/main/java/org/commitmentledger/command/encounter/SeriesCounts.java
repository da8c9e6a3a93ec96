package org.commitmentledger.command.encounter;

import org.commitmentledger.events.EncountersMeasured;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules of a series: the latest count of each month, and what a new count makes of it. A count is recorded once
 * per release and month; a later release that changes a month's count supersedes the earlier value, which stays on
 * record. Shared by {@link EncounterSeries} and {@link EncounterImporter}, so both decide alike.
 */
final class SeriesCounts {

    /** @param event what to record, or null when the count is already on record */
    record Decision(EncounterSeries.Outcome outcome, EncountersMeasured event) {
    }

    private final Map<YearMonth, Latest> latest = new HashMap<>();

    Decision decide(Measurement measurement) {
        Latest current = latest.get(measurement.period());
        if (current == null) {
            return new Decision(EncounterSeries.Outcome.RECORDED, measured(measurement, null));
        }
        if (current.release().equals(measurement.release())) {
            if (current.count() != measurement.count()) {
                throw new ReleaseConflictException(measurement.dimensions().seriesKey(), measurement.period(),
                                                   measurement.release(), current.count(), measurement.count());
            }
            return new Decision(EncounterSeries.Outcome.UNCHANGED, null);
        }
        if (current.count() == measurement.count()) {
            return new Decision(EncounterSeries.Outcome.UNCHANGED, null);
        }
        return new Decision(EncounterSeries.Outcome.SUPERSEDED, measured(measurement, current.release()));
    }

    void recorded(YearMonth period, String release, long count) {
        latest.put(period, new Latest(release, count));
    }

    private static EncountersMeasured measured(Measurement measurement, String supersedes) {
        return new EncountersMeasured(measurement.dimensions(), measurement.period(), measurement.count(),
                                      measurement.release(), supersedes, measurement.source());
    }

    private record Latest(String release, long count) {
    }
}
