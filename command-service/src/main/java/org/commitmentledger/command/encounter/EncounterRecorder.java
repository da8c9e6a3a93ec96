package org.commitmentledger.command.encounter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Records a batch of counts across many series in one unit of work: all of it is recorded, or none. */
@Component
class EncounterRecorder {

    private final Repository<EncounterSeries> series;

    EncounterRecorder(Repository<EncounterSeries> series) {
        this.series = series;
    }

    @CommandHandler
    EncountersRecorded handle(RecordEncounters command) throws Exception {
        EncountersRecorded result = new EncountersRecorded(0, 0, 0);
        for (Measurement measurement : command.measurements()) {
            EncounterSeries.Outcome outcome = series
                    .loadOrCreate(measurement.dimensions().seriesKey(), EncounterSeries::new)
                    .invoke(aggregate -> aggregate.record(measurement));
            result = result.plus(outcome);
        }
        return result;
    }
}
