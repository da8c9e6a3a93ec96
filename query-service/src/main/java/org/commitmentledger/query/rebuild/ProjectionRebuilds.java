package org.commitmentledger.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a projection again from the start of the event log. The new generation of its tables fills in the
 * background while the live tables answer reads; once it has caught up, the live processor pauses, the rebuild reads
 * the last events, and one transaction puts the new tables in place of the old ones and moves the live processor's
 * position to where the rebuild stopped. The live processor then resumes on the new tables. Reads wait at most for
 * that one transaction; none fails.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int BATCH = 1_000;
    // New tables have no statistics until autovacuum comes by, and plans made meanwhile scan them whole: a rebuild
    // slowed down as its tables grew.
    private static final int ANALYZE_EVERY = 20_000;

    public enum State { RUNNING, SWITCHING, DONE, FAILED }

    public record Progress(String projection, State state, long eventsDone, long eventsInLog,
                           double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt,
                           String failure) {
    }

    private final Map<String, RebuildableProjection> projections;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    ProjectionRebuilds(List<RebuildableProjection> projections, EventStorageEngine storage,
                       EventProcessingConfiguration processing, TokenStore tokenStore,
                       TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::processorName, Function.identity()));
        this.storage = storage;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<String> names() {
        return projections.keySet().stream().sorted().toList();
    }

    public boolean exists(String name) {
        return projections.containsKey(name);
    }

    /** Starts a rebuild unless one of this projection is running; answers its progress either way. */
    public synchronized Progress start(String name) {
        Run current = runs.get(name);
        if (current != null && (current.state == State.RUNNING || current.state == State.SWITCHING)) {
            return current.progress();
        }
        Run run = new Run(projections.get(name), clock.instant(), eventsInLog());
        runs.put(name, run);
        runner.submit(() -> rebuild(run));
        return run.progress();
    }

    public Optional<Progress> progress(String name) {
        return Optional.ofNullable(runs.get(name)).map(Run::progress);
    }

    private void rebuild(Run run) {
        RebuildableProjection projection = run.projection;
        try {
            createNextTables(projection);
            TrackingToken position = apply(run, storage.createTailToken());
            StreamingEventProcessor live = processing
                    .eventProcessor(projection.processorName(), StreamingEventProcessor.class).orElseThrow();
            run.state = State.SWITCHING;
            live.shutDown();
            try {
                TrackingToken last = apply(run, position);
                transactions.executeWithoutResult(status -> {
                    switchTables(projection);
                    moveLiveProcessorTo(projection.processorName(), last);
                });
            } finally {
                live.start();
            }
            run.finish(State.DONE, null, clock.instant());
            log.info("Rebuilt {} from {} events", projection.processorName(), run.done.get());
        } catch (RuntimeException e) {
            log.error("Rebuild of {} failed", projection.processorName(), e);
            run.finish(State.FAILED, e.getMessage(), clock.instant());
        }
    }

    /** Applies events from {@code from} until the log has no more, in batches of one transaction each. */
    private TrackingToken apply(Run run, TrackingToken from) {
        TrackingToken position = from;
        while (true) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(position, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (iterator.hasNext() && batch.size() < BATCH) {
                    batch.add(iterator.next());
                }
            }
            if (batch.isEmpty()) {
                return position;
            }
            Class<?> applied = run.projection.eventType();
            transactions.executeWithoutResult(status -> batch.stream()
                    .filter(event -> applied.isAssignableFrom(event.getPayloadType()))
                    .forEach(event -> run.projection.applyToNext(event,
                                                                 event.trackingToken().position().orElseThrow())));
            long before = run.done.getAndAdd(batch.size());
            if (before == 0 || before / ANALYZE_EVERY != (before + batch.size()) / ANALYZE_EVERY) {
                analyzeNextTables(run.projection);
            }
            position = batch.get(batch.size() - 1).trackingToken();
        }
    }

    private void createNextTables(RebuildableProjection projection) {
        transactions.executeWithoutResult(status -> projection.tables().forEach(table -> {
            jdbc.sql("drop table if exists " + table + "_next").update();
            jdbc.sql("create table " + table + "_next (like " + table + " including all)").update();
        }));
    }

    private void analyzeNextTables(RebuildableProjection projection) {
        projection.tables().forEach(table -> jdbc.sql("analyze " + table + "_next").update());
    }

    private void switchTables(RebuildableProjection projection) {
        for (String table : projection.tables()) {
            jdbc.sql("drop table " + table).update();
            jdbc.sql("alter table " + table + "_next rename to " + table.substring(table.indexOf('.') + 1))
                    .update();
        }
    }

    private void moveLiveProcessorTo(String processor, TrackingToken position) {
        for (int segment : tokenStore.fetchSegments(processor)) {
            tokenStore.fetchToken(processor, segment);
            tokenStore.storeToken(position, processor, segment);
            tokenStore.releaseClaim(processor, segment);
        }
    }

    private long eventsInLog() {
        return jdbc.sql("select count(*) from event_store.event_entry").query(Long.class).single();
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    private final class Run {
        final RebuildableProjection projection;
        final Instant startedAt;
        final long eventsInLog;
        final AtomicLong done = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile String failure;

        Run(RebuildableProjection projection, Instant startedAt, long eventsInLog) {
            this.projection = projection;
            this.startedAt = startedAt;
            this.eventsInLog = eventsInLog;
        }

        void finish(State end, String why, Instant at) {
            failure = why;
            finishedAt = at;
            state = end;
        }

        Progress progress() {
            Instant until = finishedAt != null ? finishedAt : clock.instant();
            double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
            long processed = done.get();
            double rate = processed / seconds;
            Long left = state == State.RUNNING && rate > 0
                    ? Math.max(0, (long) ((eventsInLog - processed) / rate)) : null;
            return new Progress(projection.processorName(), state, processed, eventsInLog, Math.round(rate * 10) / 10.0,
                                left, startedAt, finishedAt, failure);
        }
    }
}
