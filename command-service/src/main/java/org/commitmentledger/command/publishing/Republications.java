package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.commitmentledger.platform.eventstore.EventLog;
import org.commitmentledger.platform.eventstore.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends recorded events to Kafka again, for a new subscriber: from the start of the log, after a global position, or
 * from a recorded instant, into the live topics or into topics of another prefix. Records are the ones live
 * publishing sends (same key, value and {@code ce_id}), so a consumer de-duplicating by {@code ce_id} may read both.
 * One republication runs at a time; their progress lives in memory.
 */
@Component
class Republications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Republications.class);
    private static final int ACKNOWLEDGE_EVERY = 1_000;

    private final EventLog eventLog;
    private final Producer<String, byte[]> producer;
    private final LedgerRecords records;
    private final Topics topics;
    private final Serializer serializer;
    private final KafkaPublishingProperties properties;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private ExecutorService executor;

    Republications(EventLog eventLog, Producer<String, byte[]> producer, LedgerRecords records, Topics topics,
                   @Qualifier("eventSerializer") Serializer serializer, KafkaPublishingProperties properties,
                   Clock clock) {
        this.eventLog = eventLog;
        this.producer = producer;
        this.records = records;
        this.topics = topics;
        this.serializer = serializer;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param topicPrefix the prefix of the target topics; the live prefix when null */
    record Request(Long after, Instant fromRecordedAt, String topicPrefix) {
    }

    enum State { QUEUED, RUNNING, DONE, FAILED }

    record Progress(String id, State state, String topicPrefix, Long after, Instant fromRecordedAt, long total,
                    long published, Long lastPosition, double eventsPerSecond, Long secondsLeft, Instant queuedAt,
                    Instant finishedAt, String error) {
    }

    Progress start(Request request) {
        EventLog.Query query = EventLog.Query.all().after(request.after()).recordedFrom(request.fromRecordedAt());
        String prefix = request.topicPrefix() == null ? topics.livePrefix() : request.topicPrefix();
        Job job = new Job(UUID.randomUUID().toString(), request, prefix, eventLog.count(query), clock.instant());
        jobs.put(job.id, job);
        executor.submit(() -> job.run(query));
        return job.progress();
    }

    Optional<Progress> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::progress);
    }

    List<Progress> all() {
        return jobs.values().stream().map(Job::progress).sorted(Comparator.comparing(Progress::queuedAt)).toList();
    }

    private final class Job {

        private final String id;
        private final Request request;
        private final String prefix;
        private final long total;
        private final Instant queuedAt;
        private volatile State state = State.QUEUED;
        private volatile long published;
        private volatile Long lastPosition;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile String error;

        Job(String id, Request request, String prefix, long total, Instant queuedAt) {
            this.id = id;
            this.request = request;
            this.prefix = prefix;
            this.total = total;
            this.queuedAt = queuedAt;
        }

        void run(EventLog.Query query) {
            startedAt = clock.instant();
            state = State.RUNNING;
            try {
                topics.ensureExist(prefix);
                List<Sent> unacknowledged = new ArrayList<>();
                eventLog.read(query, event -> {
                    unacknowledged.add(new Sent(KafkaEventPublisher.sendInOrder(producer, records.of(message(event),
                            OptionalLong.of(event.position()), prefix)), event.position()));
                    if (unacknowledged.size() >= ACKNOWLEDGE_EVERY) {
                        acknowledge(unacknowledged);
                    }
                });
                acknowledge(unacknowledged);
                state = State.DONE;
                log.info("Republication {} sent {} events to {}*", id, published, prefix);
            } catch (RuntimeException e) {
                error = e.getMessage();
                state = State.FAILED;
                log.warn("Republication {} failed after {} events: {}", id, published, e.getMessage());
            } finally {
                finishedAt = clock.instant();
            }
        }

        private void acknowledge(List<Sent> sent) {
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            try {
                for (Sent one : sent) {
                    one.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published++;
                    lastPosition = one.position();
                }
                sent.clear();
            } catch (ExecutionException e) {
                throw new PublishingFailedException("Kafka did not acknowledge a record", e.getCause());
            } catch (TimeoutException e) {
                throw new PublishingFailedException("Kafka did not acknowledge within " + properties.sendTimeout(),
                                                    e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailedException("interrupted while waiting for Kafka", e);
            }
        }

        Progress progress() {
            Instant end = finishedAt != null ? finishedAt : clock.instant();
            double seconds = startedAt == null ? 0 : Duration.between(startedAt, end).toMillis() / 1000.0;
            double rate = seconds > 0 ? published / seconds : 0;
            Long left = state == State.RUNNING && rate > 0 ? Math.round((total - published) / rate) : null;
            return new Progress(id, state, prefix, request.after(), request.fromRecordedAt(), total, published,
                                lastPosition, Math.round(rate * 10) / 10.0, left, queuedAt, finishedAt, error);
        }
    }

    private record Sent(Future<RecordMetadata> acknowledgement, long position) {
    }

    private GenericDomainEventMessage<?> message(LoggedEvent event) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(event.payload(), String.class,
                                                                             event.payloadType(),
                                                                             event.payloadRevision()));
        MetaData metaData = serializer.deserialize(new SerializedMetaData<>(event.metaData(), String.class));
        return new GenericDomainEventMessage<>(event.streamType(), event.streamId(), event.sequence(), payload,
                                               metaData, event.eventId(), event.recordedAt());
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "republication");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
