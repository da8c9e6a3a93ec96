package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogVerifierIT {

    private PGSimpleDataSource dataSource;
    private PostgresEventStorageEngine engine;
    private EventLog log;
    private EventLogVerifier verifier;
    private CheckpointWriter checkpoints;

    @BeforeEach
    void freshStoreWithThreeStreams() {
        dataSource = TestEventStores.freshDatabase();
        engine = TestEventStores.engine(dataSource, 100);
        log = new EventLog(dataSource);
        verifier = new EventLogVerifier(log);
        checkpoints = new CheckpointWriter(dataSource, 3, Duration.ofMinutes(1));
        for (String stream : List.of("calexico-east", "national-guard", "mpp-expansion")) {
            engine.appendEvents(reaffirmed(stream, 0), reaffirmed(stream, 1), reaffirmed(stream, 2));
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        checkpoints.writeIfDue();
        engine.appendEvents(reaffirmed("calexico-east", 3));

        EventLogVerifier.Verification verification = verifier.verify(Instant.now());

        assertThat(verification.brokenLink()).isEmpty();
        assertThat(verification.eventsChecked()).isEqualTo(10);
        assertThat(verification.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void findsTheRowWhosePayloadWasEdited() throws SQLException {
        checkpoints.writeIfDue();
        LoggedEvent edited = eventAt("national-guard", 1);

        asAttacker("update event_store.event_entry set payload = jsonb_set(payload, '{reason}', '\"never happened\"')"
                           + " where event_id = '" + edited.eventId() + "'");

        assertThat(verifier.verify(Instant.now()).brokenLink()).hasValueSatisfying(link -> {
            assertThat(link.streamId()).isEqualTo("national-guard");
            assertThat(link.sequence()).isEqualTo(1);
            assertThat(link.eventId()).isEqualTo(edited.eventId());
        });
    }

    @Test
    void findsTheGapWhereARowWasDeleted() throws SQLException {
        LoggedEvent deleted = eventAt("mpp-expansion", 1);
        LoggedEvent next = eventAt("mpp-expansion", 2);

        asAttacker("delete from event_store.event_entry where event_id = '" + deleted.eventId() + "'");

        assertThat(verifier.verify(Instant.now()).brokenLink()).hasValueSatisfying(link -> {
            assertThat(link.streamId()).isEqualTo("mpp-expansion");
            assertThat(link.sequence()).isEqualTo(1);
            assertThat(link.eventId()).isEqualTo(next.eventId());
        });
    }

    @Test
    void aCheckpointCatchesAnEditWhoseHashWasRewrittenToMatch() throws SQLException {
        checkpoints.writeIfDue();
        LoggedEvent last = eventAt("calexico-east", 2);

        asAttacker("update event_store.event_entry e set payload = jsonb_set(payload, '{reason}', '\"rewritten\"')"
                           + " where event_id = '" + last.eventId() + "'");
        asAttacker("update event_store.event_entry e set hash = sha256(p.hash"
                           + " || convert_to(event_store.canonical_event(e), 'UTF8'))"
                           + " from event_store.event_entry p where e.event_id = '" + last.eventId() + "'"
                           + " and p.stream_id = e.stream_id and p.sequence_number = 1");

        assertThat(verifier.verify(Instant.now()).brokenLink()).hasValueSatisfying(link -> {
            assertThat(link.checkpoint()).isEqualTo(1);
            assertThat(link.streamId()).isNull();
        });
    }

    @Test
    void provesTheLogUpToAKeptCheckpointUnchangedAndNoticesWhenItIsNot() throws SQLException {
        Checkpoint kept = checkpoints.writeIfDue().orElseThrow();
        engine.appendEvents(reaffirmed("national-guard", 3));

        assertThat(verifier.prove(kept.number(), kept.digest())).hasValueSatisfying(proof -> {
            assertThat(proof.unchanged()).isTrue();
            assertThat(proof.eventCount()).isEqualTo(9);
        });

        asAttacker("delete from event_store.event_entry where event_id = '"
                           + eventAt("calexico-east", 2).eventId() + "'");

        assertThat(verifier.prove(kept.number(), kept.digest())).hasValueSatisfying(proof ->
                assertThat(proof.matches()).isFalse());
        assertThat(verifier.prove(kept.number() + 1, kept.digest())).isEmpty();
    }

    @Test
    void writesACheckpointOnlyOnceEnoughEventsAreFinal() {
        assertThat(checkpoints.writeIfDue()).hasValueSatisfying(first -> assertThat(first.eventCount()).isEqualTo(9));
        engine.appendEvents(reaffirmed("calexico-east", 3), reaffirmed("calexico-east", 4));

        assertThat(checkpoints.writeIfDue()).isEmpty();

        engine.appendEvents(reaffirmed("calexico-east", 5));
        assertThat(checkpoints.writeIfDue()).hasValueSatisfying(second -> {
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.eventCount()).isEqualTo(12);
        });
    }

    @Test
    void refusesToChangeOrDeleteARowThroughOrdinaryStatements() {
        assertThatThrownBy(() -> execute("delete from event_store.event_entry"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("update event_store.event_entry set payload = '{}'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void readsOnInCommitOrderFromTheLastEventAReaderSaw() {
        List<LoggedEvent> all = read(EventLog.Query.all());
        List<LoggedEvent> rest = read(EventLog.Query.all().after(all.get(3).position()));

        assertThat(rest).containsExactlyElementsOf(all.subList(4, all.size()));
        assertThat(read(EventLog.Query.all().stream("national-guard"))).extracting(LoggedEvent::sequence)
                .containsExactly(0L, 1L, 2L);
        assertThatThrownBy(() -> read(EventLog.Query.all().after(10_000L)))
                .isInstanceOf(EventLog.UnknownPositionException.class);
    }

    private LoggedEvent eventAt(String stream, long sequence) {
        return read(EventLog.Query.all().stream(stream)).stream()
                .filter(event -> event.sequence() == sequence).findFirst().orElseThrow();
    }

    private List<LoggedEvent> read(EventLog.Query query) {
        List<LoggedEvent> events = new ArrayList<>();
        log.read(query, events::add);
        return events;
    }

    /** Someone with the rights to switch triggers off, as a tamperer would need. */
    private void asAttacker(String sql) throws SQLException {
        execute("set session_replication_role = replica; " + sql);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static GenericDomainEventMessage<CommitmentReaffirmed> reaffirmed(String stream, long sequence) {
        return new GenericDomainEventMessage<>("Commitment", stream, sequence, new CommitmentReaffirmed(
                new CommitmentId(stream), LocalDate.of(2023, 12, 28).plusDays(sequence),
                new Source("002_a239a9f9aea001a8.txt", null, null, null, "paragraph 2"), "reaffirmed"));
    }
}
