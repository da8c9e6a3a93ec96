package org.commitmentledger.platform.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the segments of a service's streaming processors over its running instances. Axon's pooled processors
 * claim every free segment and keep it, so the first instance to start processed everything and the others only stood
 * by. Each instance says it is alive in {@code event_store.processor_instance}; one that holds more than its share of
 * a processor's segments releases the rest for a while, and another instance claims them at its next look. A killed
 * instance stops saying so, and the others take its segments once its claims time out.
 */
final class SegmentBalancer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String service;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    /** How often an instance says it is alive and looks at its share; three missed looks and it counts as gone. */
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(String service, JdbcClient jdbc, EventProcessingConfiguration processing, TokenStore tokenStore,
                    Duration interval) {
        this.service = service;
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.interval = interval;
    }

    SegmentBalancer start() {
        timer.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void balance() {
        try {
            jdbc.sql("insert into event_store.processor_instance (service, owner, seen_at) values (:service, :owner,"
                             + " now()) on conflict (service, owner) do update set seen_at = now()")
                    .param("service", service).param("owner", owner).update();
            long instances = jdbc.sql("select count(*) from event_store.processor_instance where service = :service"
                                              + " and seen_at > now() - make_interval(secs => :alive)")
                    .param("service", service).param("alive", 3.0 * interval.toMillis() / 1000)
                    .query(Long.class).single();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    releaseBeyondShare(name, streaming, instances);
                }
            });
        } catch (RuntimeException e) {
            log.debug("segments not balanced this time: {}", e.getMessage());
        }
    }

    private void releaseBeyondShare(String name, StreamingEventProcessor processor, long instances) {
        int segments = tokenStore.fetchSegments(name).length;
        if (segments == 0) {
            return;
        }
        long share = (segments + instances - 1) / Math.max(1, instances);
        processor.processingStatus().keySet().stream().sorted().skip(share).forEach(segment -> {
            log.info("{} releases segment {} of {}: {} instances share {} segments", owner, segment, name, instances,
                     segments);
            processor.releaseSegment(segment, 3 * interval.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            jdbc.sql("delete from event_store.processor_instance where service = :service and owner = :owner")
                    .param("service", service).param("owner", owner).update();
        } catch (RuntimeException e) {
            log.debug("could not say {} stopped: {}", owner, e.getMessage());
        }
    }
}
