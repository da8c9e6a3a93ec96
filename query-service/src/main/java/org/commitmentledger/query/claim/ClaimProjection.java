package org.commitmentledger.query.claim;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.query.rebuild.RebuildableProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@Component
@ProcessingGroup(ClaimProjection.PROCESSOR)
class ClaimProjection implements RebuildableProjection {

    static final String PROCESSOR = "claims";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClaimProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClaimRecorded claim, @Timestamp Instant recordedAt, TrackingToken token) {
        apply(ClaimTables.LIVE, claim, recordedAt, token.position().orElseThrow());
    }

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @Override
    public List<String> tables() {
        return List.of(ClaimTables.LIVE.claims());
    }

    @Override
    public Class<?> eventType() {
        return ClaimRecorded.class;
    }

    @Override
    public void applyToNext(TrackedEventMessage<?> event, long position) {
        apply(ClaimTables.NEXT, (ClaimRecorded) event.getPayload(), event.getTimestamp(), position);
    }

    private void apply(ClaimTables tables, ClaimRecorded claim, Instant recordedAt, long position) {
        jdbc.sql("insert into " + tables.claims() + " (claim_id, claimed_on, recorded_at, position, claim)"
                         + " values (:id, :claimedOn, :recordedAt, :position, cast(:claim as jsonb))")
                .param("id", claim.claimId().value())
                .param("claimedOn", claim.claimedOn())
                .param("recordedAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .param("position", position)
                .param("claim", json.writeValueAsString(claim))
                .update();
    }
}
