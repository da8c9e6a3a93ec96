package org.commitmentledger.query.encounter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.query.rebuild.RebuildableProjection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code query.encounter_count}: every count ever recorded, each valid on the recorded axis until a later
 * release of the same month and slice superseded it.
 */
@Component
@ProcessingGroup(EncounterProjection.PROCESSOR)
class EncounterProjection implements RebuildableProjection {

    static final String PROCESSOR = "encounter-trends";

    private final NamedParameterJdbcTemplate jdbc;

    EncounterProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EncountersMeasured event, @Timestamp Instant recordedAt, TrackingToken token) {
        apply(EncounterTables.LIVE, event, recordedAt, token.position().orElseThrow());
    }

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @Override
    public List<String> tables() {
        return List.of(EncounterTables.LIVE.counts());
    }

    @Override
    public Class<?> eventType() {
        return EncountersMeasured.class;
    }

    @Override
    public void applyToNext(TrackedEventMessage<?> event, long position) {
        apply(EncounterTables.NEXT, (EncountersMeasured) event.getPayload(), event.getTimestamp(), position);
    }

    /**
     * One statement per count, the version it supersedes closed as the new one is inserted; the statements of a
     * transaction go to the database together, in the order of the events, when it commits.
     */
    private void apply(EncounterTables tables, EncountersMeasured event, Instant recordedAt, long position) {
        pending(tables).add(new MapSqlParameterSource()
                                    .addValue("series", event.streamId())
                                    .addValue("component", event.dimensions().component())
                                    .addValue("demographic", event.dimensions().demographic())
                                    .addValue("citizenship", event.dimensions().citizenship())
                                    .addValue("title", event.dimensions().titleOfAuthority())
                                    .addValue("type", event.dimensions().encounterType())
                                    .addValue("period", event.period().atDay(1))
                                    .addValue("count", event.count())
                                    .addValue("release", event.release())
                                    .addValue("recorded", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                                    .addValue("position", position));
    }

    @SuppressWarnings("unchecked")
    private List<SqlParameterSource> pending(EncounterTables tables) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("encounter counts are applied inside a transaction only");
        }
        List<SqlParameterSource> rows = (List<SqlParameterSource>) TransactionSynchronizationManager.getResource(tables);
        if (rows == null) {
            List<SqlParameterSource> batch = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(tables, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    jdbc.batchUpdate(statement(tables), batch.toArray(SqlParameterSource[]::new));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(tables);
                }
            });
            rows = batch;
        }
        return rows;
    }

    private static String statement(EncounterTables tables) {
        return "with superseded as (update " + tables.counts() + " set recorded_to = :recorded"
               + " where series_key = :series and period = :period and recorded_to = 'infinity')"
               + " insert into " + tables.counts() + " (series_key, component, demographic, citizenship,"
               + " title_of_authority, encounter_type, period, count, release, recorded_from, position)"
               + " values (:series, :component, :demographic, :citizenship, :title, :type, :period,"
               + " :count, :release, :recorded, :position)";
    }
}
