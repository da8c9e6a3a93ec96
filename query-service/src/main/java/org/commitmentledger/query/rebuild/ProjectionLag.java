package org.commitmentledger.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * {@code ledger.projection.lag{processor=...}}: how many positions of the event log a projection has still to
 * apply (the newest position minus the lowest position its segments have reached).
 */
@Component
public class ProjectionLag implements SmartInitializingSingleton {

    public record Status(String projection, boolean running, Long position, long head, Long behind,
                         ProjectionRebuilds.Progress lastRebuild) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final ProjectionRebuilds rebuilds;

    ProjectionLag(EventProcessingConfiguration processing, JdbcClient jdbc, MeterRegistry registry,
                  ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
        this.rebuilds = rebuilds;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : rebuilds.names()) {
            Gauge.builder("ledger.projection.lag", () -> {
                        Long behind = status(name).behind();
                        return behind == null ? Double.NaN : behind;
                    })
                    .description("Event log positions the projection has still to apply")
                    .tag("processor", name)
                    .register(registry);
        }
    }

    Status status(String name) {
        long head = jdbc.sql("select coalesce(max(global_index), 0) from event_store.event_entry").query(Long.class)
                .single();
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> {
                    Long position = lowest(processor.processingStatus().values());
                    boolean caughtUp = !processor.processingStatus().isEmpty() && processor.processingStatus()
                            .values().stream().allMatch(EventTrackerStatus::isCaughtUp);
                    Long behind = position == null ? null : caughtUp ? 0 : Math.max(0, head - position);
                    return new Status(name, processor.isRunning(), position, head, behind,
                                      rebuilds.progress(name).orElse(null));
                })
                .orElse(new Status(name, false, null, head, null, rebuilds.progress(name).orElse(null)));
    }

    private static Long lowest(Collection<EventTrackerStatus> statuses) {
        return statuses.stream()
                .map(status -> status.getCurrentPosition().orElse(0))
                .min(Long::compare)
                .orElse(null);
    }
}
