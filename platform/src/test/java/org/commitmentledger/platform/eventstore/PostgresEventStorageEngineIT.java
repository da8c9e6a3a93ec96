package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresEventStorageEngineIT {

    private PGSimpleDataSource dataSource;
    private PostgresEventStorageEngine engine;

    @BeforeEach
    void freshStore() {
        dataSource = TestEventStores.freshDatabase();
        engine = TestEventStores.engine(dataSource, 2);
    }

    @Test
    void readsAStreamBackInSequenceOrder() {
        engine.appendEvents(reaffirmed("calexico-east", 0), reaffirmed("calexico-east", 1),
                            reaffirmed("other-stream", 0));

        List<Long> sequence = engine.readEvents("calexico-east").asStream()
                .map(event -> event.getSequenceNumber()).toList();

        assertThat(sequence).containsExactly(0L, 1L);
    }

    @Test
    void keepsTheRecordedInstantToTheMicrosecondForEveryReader() {
        Instant recorded = Instant.parse("2026-11-28T14:17:55.351353Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "calexico-east", 0,
                reaffirmed("calexico-east", 0).getPayload(), Map.of(), UUID.randomUUID().toString(),
                recorded.plusNanos(789)));

        assertThat(engine.readEvents("calexico-east").next().getTimestamp()).isEqualTo(recorded);
        assertThat(engine.readEvents(null, false).findFirst().orElseThrow().getTimestamp()).isEqualTo(recorded);
    }

    @Test
    void refusesToCreateAStreamThatExists() {
        engine.appendEvents(reaffirmed("calexico-east", 0));

        assertThatThrownBy(() -> engine.appendEvents(reaffirmed("calexico-east", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void refusesASecondEventWithTheSameSequenceNumber() {
        engine.appendEvents(reaffirmed("calexico-east", 0), reaffirmed("calexico-east", 1));

        assertThatThrownBy(() -> engine.appendEvents(reaffirmed("calexico-east", 1)))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void neverSkipsAnEventWhoseTransactionCommitsLate() throws SQLException {
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            String late = insert(slow, "slow-stream");
            String early = insert(fast, "fast-stream");

            assertThat(trackedIds(null)).as("nothing is handed out while an older transaction is open").isEmpty();

            slow.commit();

            assertThat(trackedIds(null)).containsExactly(late, early);
        }
    }

    @Test
    void continuesAfterTheLastEventItHandedOut() throws SQLException {
        List<String> written = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < 5; i++) {
                written.add(insert(connection, "stream-" + i));
            }
        }
        List<? extends TrackedEventMessage<?>> firstTwo = engine.readEvents(null, false).limit(2).toList();
        TrackingToken position = firstTwo.get(1).trackingToken();

        assertThat(trackedIds(position)).containsExactlyElementsOf(written.subList(2, 5));
    }

    @Test
    void handsOutEventsOfLaterTransactionsAfterTheLastPositionHandedOut() throws SQLException {
        String first;
        try (Connection connection = dataSource.getConnection()) {
            first = insert(connection, "a-stream");
        }
        TrackingToken afterFirst = engine.readEvents(null, false).toList().get(0).trackingToken();
        String second;
        try (Connection connection = dataSource.getConnection()) {
            second = insert(connection, "b-stream");
        }

        assertThat(trackedIds(afterFirst)).containsExactly(second);
        assertThat(trackedIds(null)).containsExactly(first, second);
    }

    private List<String> trackedIds(TrackingToken from) {
        return engine.readEvents(from, false).map(TrackedEventMessage::getIdentifier)
                .collect(Collectors.toList());
    }

    private static GenericDomainEventMessage<CommitmentReaffirmed> reaffirmed(String stream, long sequence) {
        return new GenericDomainEventMessage<>("Commitment", stream, sequence, new CommitmentReaffirmed(
                new CommitmentId(stream), LocalDate.of(2023, 12, 28),
                new Source("002_a239a9f9aea001a8.txt", null, null, null, "paragraph 2"), "reaffirmed"));
    }

    private static String insert(Connection connection, String stream) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number, payload_type,
                    payload_revision, payload, meta_data, recorded_at)
                values (?, 'Commitment', ?, 0, 'org.commitmentledger.events.CommitmentReaffirmed', '1', '{}', '{}',
                    now())
                """)) {
            insert.setString(1, id);
            insert.setString(2, stream);
            insert.executeUpdate();
        }
        return id;
    }
}
