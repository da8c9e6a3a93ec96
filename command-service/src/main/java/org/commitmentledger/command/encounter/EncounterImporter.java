package org.commitmentledger.command.encounter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.platform.eventstore.PostgresEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Records a whole file's counts in one transaction, deciding by the same rules as {@link EncounterRecorder} and
 * writing the same events, without loading an aggregate per series: the affected series are read in one query and the
 * new events are streamed into the event table. A series written by someone else meanwhile makes the import fail on
 * the table's (stream, sequence) constraint, and nothing is recorded.
 */
@Component
class EncounterImporter {

    private static final Logger log = LoggerFactory.getLogger(EncounterImporter.class);
    private static final String SERIES_TYPE = EncounterSeries.class.getSimpleName();

    private final PostgresEventStorageEngine eventStore;
    private final JdbcTemplate jdbc;

    EncounterImporter(PostgresEventStorageEngine eventStore, DataSource dataSource) {
        this.eventStore = eventStore;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
    }

    @CommandHandler
    EncountersRecorded handle(ImportEncounters command) {
        long started = System.nanoTime();
        Map<EncounterDimensions, String> seriesKeys = new HashMap<>();
        for (Measurement measurement : command.measurements()) {
            seriesKeys.computeIfAbsent(measurement.dimensions(), EncounterDimensions::seriesKey);
        }
        Map<String, Series> series = load(seriesKeys.values());
        long loaded = System.nanoTime();
        List<Pending> pending = new ArrayList<>();
        EncountersRecorded result = new EncountersRecorded(0, 0, 0);
        for (Measurement measurement : command.measurements()) {
            String key = seriesKeys.get(measurement.dimensions());
            Series one = series.computeIfAbsent(key, k -> new Series());
            SeriesCounts.Decision decision = one.counts.decide(measurement);
            EncountersMeasured event = decision.event();
            if (event != null) {
                pending.add(new Pending(key, one.next++, event));
                one.counts.recorded(event.period(), event.release(), event.count());
            }
            result = result.plus(decision.outcome());
        }
        long decided = System.nanoTime();
        eventStore.appendInOrder(messages(pending));
        log.info("Import of {} counts into {} series: {} events; read {} ms, decided {} ms, appended {} ms",
                 command.measurements().size(), seriesKeys.size(), pending.size(), (loaded - started) / 1_000_000,
                 (decided - loaded) / 1_000_000, (System.nanoTime() - decided) / 1_000_000);
        return result;
    }

    /** Each series' latest counts and number of events, from its events in order. */
    private Map<String, Series> load(Iterable<String> keys) {
        List<String> all = new ArrayList<>();
        keys.forEach(all::add);
        Map<String, Series> series = new HashMap<>();
        Map<String, YearMonth> periods = new HashMap<>();
        Map<String, String> releases = new HashMap<>();
        jdbc.query("""
                           select stream_id, sequence_number, payload->>'period', payload->>'release',
                                  (payload->>'count')::bigint
                           from event_store.event_entry where stream_id = any(?)
                           order by stream_id, sequence_number""",
                   statement -> statement.setArray(1, statement.getConnection()
                           .createArrayOf("text", all.toArray())),
                   row -> {
                       Series one = series.computeIfAbsent(row.getString(1), k -> new Series());
                       one.next = row.getLong(2) + 1;
                       one.counts.recorded(periods.computeIfAbsent(row.getString(3), YearMonth::parse),
                                           releases.computeIfAbsent(row.getString(4), r -> r), row.getLong(5));
                   });
        return series;
    }

    /** In the order of the file, as the aggregates would have applied them: readers see the same global order. */
    private static Iterator<DomainEventMessage<EncountersMeasured>> messages(List<Pending> pending) {
        Iterator<Pending> each = pending.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public DomainEventMessage<EncountersMeasured> next() {
                Pending next = each.next();
                return new GenericDomainEventMessage<>(SERIES_TYPE, next.seriesKey(), next.sequence(), next.event());
            }
        };
    }

    /** A series as read, then as this import extends it. */
    private static final class Series {
        private final SeriesCounts counts = new SeriesCounts();
        /** The sequence number of its next event. */
        private long next;
    }

    private record Pending(String seriesKey, long sequence, EncountersMeasured event) {
    }
}
