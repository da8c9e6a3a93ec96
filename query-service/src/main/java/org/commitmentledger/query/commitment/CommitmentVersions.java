package org.commitmentledger.query.commitment;

import org.axonframework.eventhandling.DomainEventMessage;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.CommitmentMade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the versions of a commitment's state when one of its events is recorded. An event recorded at R and
 * effective on E changes every state from E onwards: the current versions valid after E are closed at R and replaced
 * by versions that count the event (the one that spans E is split at E). Versions before E stay as they were.
 */
@Component
class CommitmentVersions {

    /** Stored as the date 'infinity', so that even the last day a reader can name lies before it. */
    private static final LocalDate FOREVER = LocalDate.MAX;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CommitmentVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void apply(CommitmentTables tables, CommitmentEvent event, DomainEventMessage<?> message, long position) {
        String id = event.commitmentId().value();
        Instant recordedAt = message.getTimestamp();
        LocalDate effectiveOn = event.effectiveOn();
        recordEvent(tables, event, message, recordedAt, position);
        if (event instanceof CommitmentMade) {
            insert(tables, id, effectiveOn, FOREVER, recordedAt, position,
                   CommitmentState.apply(null, event, message.getSequenceNumber(), position));
            return;
        }
        List<Version> current = jdbc.sql("select valid_from, valid_to, state::text as state from " + tables.versions()
                                                 + " where commitment_id = :id and recorded_to = 'infinity'"
                                                 + " and valid_to > :effectiveOn order by valid_from")
                .param("id", id).param("effectiveOn", effectiveOn)
                .query((row, n) -> new Version(row.getObject("valid_from", LocalDate.class),
                                               row.getObject("valid_to", LocalDate.class),
                                               json.readValue(row.getString("state"), CommitmentState.class)))
                .list();
        jdbc.sql("update " + tables.versions() + " set recorded_to = :recordedAt where commitment_id = :id"
                         + " and recorded_to = 'infinity' and valid_to > :effectiveOn")
                .param("recordedAt", timestamp(recordedAt)).param("id", id).param("effectiveOn", effectiveOn)
                .update();
        for (Version version : current) {
            CommitmentState counted = CommitmentState.apply(version.state(), event, message.getSequenceNumber(),
                                                            position);
            if (version.validFrom().isBefore(effectiveOn)) {
                insert(tables, id, version.validFrom(), effectiveOn, recordedAt, version.state().lastPosition(),
                       version.state());
                insert(tables, id, effectiveOn, version.validTo(), recordedAt, position, counted);
            } else {
                insert(tables, id, version.validFrom(), version.validTo(), recordedAt, position, counted);
            }
        }
    }

    private void recordEvent(CommitmentTables tables, CommitmentEvent event, DomainEventMessage<?> message,
                             Instant recordedAt, long position) {
        Object principal = message.getMetaData().get("principal");
        jdbc.sql("insert into " + tables.events() + " (commitment_id, sequence, position, event_id, event_type,"
                         + " effective_on, recorded_at, principal, payload) values (:id, :sequence, :position,"
                         + " :eventId, :type, :effectiveOn, :recordedAt, :principal, cast(:payload as jsonb))")
                .param("id", event.commitmentId().value())
                .param("sequence", message.getSequenceNumber())
                .param("position", position)
                .param("eventId", message.getIdentifier())
                .param("type", event.getClass().getSimpleName())
                .param("effectiveOn", event.effectiveOn())
                .param("recordedAt", timestamp(recordedAt))
                .param("principal", principal == null ? null : principal.toString())
                .param("payload", json.writeValueAsString(event))
                .update();
    }

    private void insert(CommitmentTables tables, String id, LocalDate validFrom, LocalDate validTo,
                        Instant recordedAt, long position, CommitmentState state) {
        jdbc.sql("insert into " + tables.versions() + " (commitment_id, valid_from, valid_to, recorded_from,"
                         + " recorded_to, position, title, category, parties, document, status, withdrawn, due_by,"
                         + " made_on, state) values (:id, :validFrom, :validTo, :recordedAt, 'infinity', :position,"
                         + " :title, :category, :parties, :document, :status, :withdrawn, :dueBy, :madeOn,"
                         + " cast(:state as jsonb))")
                .param("id", id)
                .param("validFrom", validFrom)
                .param("validTo", validTo)
                .param("recordedAt", timestamp(recordedAt))
                .param("position", position)
                .param("title", state.title())
                .param("category", state.category())
                .param("parties", state.parties().toArray(String[]::new))
                .param("document", state.source() == null ? null : state.source().document())
                .param("status", state.status().name())
                .param("withdrawn", state.withdrawn())
                .param("dueBy", state.dueBy())
                .param("madeOn", state.madeOn())
                .param("state", json.writeValueAsString(state))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Version(LocalDate validFrom, LocalDate validTo, CommitmentState state) {
    }
}
