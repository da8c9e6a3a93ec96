package org.commitmentledger.command.encounter;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.commitmentledger.events.EncountersMeasured;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The monthly counts of one slice of CBP's figures, across releases, by the rules of {@link SeriesCounts}. */
@Aggregate
class EncounterSeries {

    enum Outcome { RECORDED, SUPERSEDED, UNCHANGED }

    @AggregateIdentifier
    private String seriesKey;
    private final SeriesCounts counts = new SeriesCounts();

    EncounterSeries() {
    }

    Outcome record(Measurement measurement) {
        SeriesCounts.Decision decision = counts.decide(measurement);
        if (decision.event() != null) {
            apply(decision.event());
        }
        return decision.outcome();
    }

    @EventSourcingHandler
    void on(EncountersMeasured event) {
        seriesKey = event.streamId();
        counts.recorded(event.period(), event.release(), event.count());
    }
}
