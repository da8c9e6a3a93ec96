package org.commitmentledger.platform.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DefaultEventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.tracing.NoOpSpanFactory;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.Source;
import org.commitmentledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several writers append concurrently while one transaction holds its insert open for longer than the gap timeout of
 * Axon's gap-aware token, and others commit after it. Two pooled streaming processors of two segments (as in the
 * services) follow the log: a projection that runs throughout, and a Kafka publisher that is restarted while the
 * transaction is open (a deploy, or a processor that fell behind by more than the gap timeout).
 * <p>
 * The same scenario runs on the ledger's event store and on Axon's stock {@link JdbcEventStorageEngine} with a gap
 * timeout of {@value #GAP_TIMEOUT_MS} ms (everything else Axon's defaults), to show the hazard the ledger's store
 * exists for: the stock store's restarted processor reads the events committed after the open one as older than the
 * gap timeout, records no gap for it, and skips it for good.
 */
class LateCommitIT {

    private static final int GAP_TIMEOUT_MS = 2_000;
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER_AND_PHASE = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS + 1);
    private final AtomicLong sequence = new AtomicLong();
    private final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private HikariDataSource dataSource;
    private TransactionManager transactions;

    @AfterEach
    void closeAll() throws Exception {
        writers.shutdownNow();
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void everyProcessorAndTheKafkaTopicReceiveAnEventCommittedLongAfterTheGapTimeout() throws Exception {
        openDatabase();
        PostgresEventStorageEngine engine = TestEventStores.engine(
                new SpringDataSourceConnectionProvider(dataSource), transactions, 100);
        AppendNotifications notifications = AppendNotifications.start(dataSource, Duration.ofMillis(10));
        resources.add(notifications::close);

        Outcome outcome = runScenario(engine, () -> {
            EventStore store = NotifiedEventStore.create(
                    engine, NoOpMessageMonitor.INSTANCE,
                    DefaultEventBusSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build(), notifications);
            return new ServiceStore(store, () -> { });
        });

        assertThat(outcome.projectionMissed()).as("missed by the projection").isEmpty();
        assertThat(outcome.topicMissed()).as("missing from the Kafka topic").isEmpty();
    }

    @Test
    void axonsStockGapAwareTokenSkipsTheSameLateEventForGood() throws Exception {
        openDatabase();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(GAP_TIMEOUT_MS)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);

        Outcome outcome = runScenario(engine, () -> {
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            return new ServiceStore(store, store::shutDown);
        });

        assertThat(outcome.topicMissed()).as("missing from the Kafka topic").containsExactly(outcome.late());
        assertThat(outcome.publisherTokens()).isNotEmpty().allSatisfy(token -> {
            GapAwareTrackingToken segment = (GapAwareTrackingToken) token;
            assertThat(segment.getIndex()).as("each publisher segment has moved past the late event's index")
                    .isGreaterThan(outcome.lateIndex());
            assertThat(segment.getGaps()).as("and no longer waits for it").doesNotContain(outcome.lateIndex());
        });
    }

    private void openDatabase() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(infrastructure.newDatabase());
        dataSource.setUsername(infrastructure.postgresUser());
        dataSource.setPassword(infrastructure.postgresPassword());
        dataSource.setMaximumPoolSize(WRITERS + 8);
        resources.add(dataSource);
        EventStoreSchema.migrate(dataSource);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Each processor runs over an event store of its own, as each service opens one: a restart of the publisher is a
     * restart of its service, not a new consumer of a store whose other consumers kept its cache warm.
     */
    private Outcome runScenario(EventStorageEngine engine, Supplier<ServiceStore> stores) throws Exception {
        Set<String> projected = ConcurrentHashMap.newKeySet();
        ServiceStore projectionStore = stores.get();
        PooledStreamingEventProcessor projection = processor("projection", projectionStore.store(), event ->
                projected.add(event.getIdentifier()));
        String topic = "late-commits-" + UUID.randomUUID();
        KafkaProducer<String, String> producer = kafkaProducer(topic);
        Set<String> published = ConcurrentHashMap.newKeySet();
        Handler publish = event -> {
            producer.send(new ProducerRecord<>(topic, event.getIdentifier(), event.getIdentifier())).get();
            published.add(event.getIdentifier());
        };
        ServiceStore publisherStore = stores.get();
        PooledStreamingEventProcessor publisher = processor("publisher", publisherStore.store(), publish);
        Set<String> appended = ConcurrentHashMap.newKeySet();

        projection.start();
        publisher.start();
        appended.addAll(concurrently(engine, "before"));
        await().atMost(PATIENCE).until(() -> projected.containsAll(appended) && published.containsAll(appended));
        publisher.shutdownAsync().get(30, TimeUnit.SECONDS);
        publisherStore.close();

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GenericDomainEventMessage<CommitmentReaffirmed> late = reaffirmed("late", 0);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            engine.appendEvents(late);
            inserted.countDown();
            awaitUninterruptibly(release);
        }), writers);
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        appended.add(late.getIdentifier());
        appended.addAll(concurrently(engine, "during"));
        Instant committed = Instant.now();

        // The hazard needs wall-clock time: the events committed after the open one must age past the gap timeout.
        Thread.sleep(Duration.between(Instant.now(), committed.plusMillis(GAP_TIMEOUT_MS + 1_000)).toMillis());
        ServiceStore restartedStore = stores.get();
        PooledStreamingEventProcessor restarted = processor("publisher", restartedStore.store(), publish);
        restarted.start();
        await().atMost(PATIENCE).until(() -> caughtUp(restarted) && caughtUp(projection));
        release.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);
        List<String> after = concurrently(engine, "after");
        appended.addAll(after);

        Set<String> onTopic = topicContents(topic, after);
        await().atMost(PATIENCE).until(() -> projected.containsAll(after));
        Outcome outcome = new Outcome(late.getIdentifier(), lateIndex(late.getIdentifier(), engine),
                                      missing(appended, projected), missing(appended, onTopic),
                                      publisherTokens(restarted));
        System.out.printf("late-commit outcome on %s: %s%n", engine.getClass().getSimpleName(), outcome);
        projection.shutdownAsync().get(30, TimeUnit.SECONDS);
        restarted.shutdownAsync().get(30, TimeUnit.SECONDS);
        projectionStore.close();
        restartedStore.close();
        return outcome;
    }

    private PooledStreamingEventProcessor processor(String name, EventStore store, Handler handler) {
        ScheduledExecutorsForOneProcessor executors = new ScheduledExecutorsForOneProcessor();
        resources.add(executors);
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                             .eventHandlers((EventMessageHandler) event -> {
                                                 handler.handle(event);
                                                 return null;
                                             })
                                             .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                                             .build())
                .messageSource(store)
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .coordinatorExecutor(executors.coordinator)
                .workerExecutor(executors.workers)
                .initialToken(source -> source.createTailToken())
                .initialSegmentCount(2)
                .tokenClaimInterval(200)
                .build();
    }

    private static boolean caughtUp(PooledStreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp());
    }

    private List<TrackingToken> publisherTokens(PooledStreamingEventProcessor publisher) {
        return transactions.fetchInTransaction(() -> Arrays.stream(tokenStore.fetchSegments(publisher.getName()))
                .mapToObj(segment -> tokenStore.fetchToken(publisher.getName(), segment))
                .toList());
    }

    private long lateIndex(String eventId, EventStorageEngine engine) {
        String sql = engine instanceof PostgresEventStorageEngine
                ? "select global_index from event_store.event_entry where event_id = ?"
                : "select globalIndex from DomainEventEntry where eventIdentifier = ?";
        return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, eventId);
    }

    /** Each writer appends its events one transaction at a time, all writers at once. */
    private List<String> concurrently(EventStorageEngine engine, String phase) {
        List<CompletableFuture<List<String>>> all = IntStream.range(0, WRITERS)
                .mapToObj(writer -> CompletableFuture.supplyAsync(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < EVENTS_PER_WRITER_AND_PHASE; i++) {
                        EventMessage<?> event = reaffirmed(phase + "-" + writer + "-" + i, 0);
                        transactions.executeInTransaction(() -> engine.appendEvents(event));
                        ids.add(event.getIdentifier());
                    }
                    return ids;
                }, writers))
                .toList();
        return all.stream().flatMap(future -> future.join().stream()).toList();
    }

    private KafkaProducer<String, String> kafkaProducer(String topic) throws Exception {
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        resources.add(producer);
        return producer;
    }

    /** Everything on the topic once the last of {@code expectedLast} has arrived. */
    private static Set<String> topicContents(String topic, List<String> expectedLast) {
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "late-commit-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
                return seen.containsAll(expectedLast);
            });
        }
        return seen;
    }

    private static Set<String> missing(Set<String> appended, Set<String> received) {
        Set<String> missing = new LinkedHashSet<>(appended);
        missing.removeAll(received);
        return missing;
    }

    private GenericDomainEventMessage<CommitmentReaffirmed> reaffirmed(String stream, long streamSequence) {
        return new GenericDomainEventMessage<>("Commitment", stream + "-" + sequence.incrementAndGet(), streamSequence,
                new CommitmentReaffirmed(new CommitmentId("late-commit-test"), LocalDate.of(2023, 12, 28),
                        new Source("002_a239a9f9aea001a8.txt", null, null, null, "paragraph 2"), "reaffirmed"));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the held-open transaction was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(EventMessage<?> event) throws Exception;
    }

    private record ServiceStore(EventStore store, Runnable shutDown) {
        void close() {
            shutDown.run();
        }
    }

    private record Outcome(String late, long lateIndex, Set<String> projectionMissed, Set<String> topicMissed,
                           List<TrackingToken> publisherTokens) {
    }

    private static final class ScheduledExecutorsForOneProcessor implements AutoCloseable {
        final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);

        @Override
        public void close() {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
