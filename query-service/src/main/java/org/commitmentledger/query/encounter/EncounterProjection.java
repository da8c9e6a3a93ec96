package org.commitmentledger.query.encounter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.commitmentledger.events.EncountersMeasured;
import org.commitmentledger.query.rebuild.RebuildableProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps {@code query.encounter_count}: every count ever recorded, each valid on the recorded axis until a later
 * release of the same month and slice superseded it.
 */
@Component
@ProcessingGroup(EncounterProjection.PROCESSOR)
class EncounterProjection implements RebuildableProjection {

    static final String PROCESSOR = "encounter-trends";

    private final JdbcClient jdbc;

    EncounterProjection(JdbcClient jdbc) {
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

    /** One statement per count: the version it supersedes is closed as the new one is inserted. */
    private void apply(EncounterTables tables, EncountersMeasured event, Instant recordedAt, long position) {
        jdbc.sql("with superseded as (update " + tables.counts() + " set recorded_to = :recorded"
                         + " where series_key = :series and period = :period and recorded_to = 'infinity')"
                         + " insert into " + tables.counts() + " (series_key, component, demographic, citizenship,"
                         + " title_of_authority, encounter_type, period, count, release, recorded_from, position)"
                         + " values (:series, :component, :demographic, :citizenship, :title, :type, :period,"
                         + " :count, :release, :recorded, :position)")
                .param("series", event.streamId())
                .param("component", event.dimensions().component())
                .param("demographic", event.dimensions().demographic())
                .param("citizenship", event.dimensions().citizenship())
                .param("title", event.dimensions().titleOfAuthority())
                .param("type", event.dimensions().encounterType())
                .param("period", event.period().atDay(1))
                .param("count", event.count())
                .param("release", event.release())
                .param("recorded", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .param("position", position)
                .update();
    }
}
