package org.commitmentledger.command.encounter;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmentledger.events.EncountersMeasured;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The monthly counts of one slice of CBP's figures, across releases. A count is recorded once per release and month;
 * a later release that changes a month's count supersedes the earlier value, which stays on record. The release that
 * was recorded last is the latest.
 */
@Aggregate
class EncounterSeries {

    enum Outcome { RECORDED, SUPERSEDED, UNCHANGED }

    @AggregateIdentifier
    private String seriesKey;
    private final Map<YearMonth, Latest> latest = new HashMap<>();

    EncounterSeries() {
    }

    Outcome record(Measurement measurement) {
        Latest current = latest.get(measurement.period());
        if (current == null) {
            apply(measured(measurement, null));
            return Outcome.RECORDED;
        }
        if (current.release().equals(measurement.release())) {
            if (current.count() != measurement.count()) {
                throw new ReleaseConflictException(measurement.dimensions().seriesKey(), measurement.period(),
                                                   measurement.release(), current.count(), measurement.count());
            }
            return Outcome.UNCHANGED;
        }
        if (current.count() == measurement.count()) {
            return Outcome.UNCHANGED;
        }
        apply(measured(measurement, current.release()));
        return Outcome.SUPERSEDED;
    }

    private static EncountersMeasured measured(Measurement measurement, String supersedes) {
        return new EncountersMeasured(measurement.dimensions(), measurement.period(), measurement.count(),
                                      measurement.release(), supersedes, measurement.source());
    }

    @EventSourcingHandler
    void on(EncountersMeasured event) {
        seriesKey = event.streamId();
        latest.put(event.period(), new Latest(event.release(), event.count()));
    }

    private record Latest(String release, long count) {
    }
}
