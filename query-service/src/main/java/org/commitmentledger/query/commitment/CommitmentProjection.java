package org.commitmentledger.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code query.commitment} up to date. Runs in the transaction that also stores the processor's token, so each
 * event is applied exactly once, even across crashes.
 */
@Component
@ProcessingGroup(CommitmentProjection.PROCESSOR)
class CommitmentProjection {

    static final String PROCESSOR = "commitment-status";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CommitmentProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CommitmentMade event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into query.commitment (id, title, description, parties, category, made_on,
                            target_quantity, target_unit, due_by, source, version, recorded_at)
                        values (:id, :title, :description, :parties, :category, :madeOn,
                            :targetQuantity, :targetUnit, :dueBy, cast(:source as jsonb), :version, :recordedAt)
                        """)
                .param("id", event.commitmentId().value())
                .param("title", event.title())
                .param("description", event.description())
                .param("parties", event.parties().stream().map(Party::code).toArray(String[]::new))
                .param("category", event.category().name())
                .param("madeOn", event.madeOn())
                .param("targetQuantity", event.target() == null ? null : event.target().quantity())
                .param("targetUnit", event.target() == null ? null : event.target().unit())
                .param("dueBy", event.dueBy())
                .param("source", json.writeValueAsString(event.source()))
                .param("version", version)
                .param("recordedAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate query.commitment").update();
    }
}
