package org.commitmentledger.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.commitmentledger.platform.eventstore.CommitOrderToken;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * {@code ledger.projection.lag{processor=...}}: how many events of the log a projection has still to apply, counted
 * against the position of its furthest-behind segment. Positions alone cannot say it: a late commit is read after
 * events with higher positions (see {@link CommitOrderToken}), and a segment that once caught up stays "caught up"
 * in Axon's status while it falls behind again.
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
                    Collection<EventTrackerStatus> segments = processor.processingStatus().values();
                    Long position = lowest(segments);
                    Long behind = segments.isEmpty() ? null
                            : segments.stream().mapToLong(segment -> toApply(segment.getTrackingToken())).max()
                            .orElseThrow();
                    return new Status(name, processor.isRunning(), position, head, behind,
                                      rebuilds.progress(name).orElse(null));
                })
                .orElse(new Status(name, false, null, head, null, rebuilds.progress(name).orElse(null)));
    }

    /** The events the token does not cover yet, in any transaction that has committed. */
    private long toApply(TrackingToken token) {
        if (!(WrappedToken.unwrapLowerBound(token) instanceof CommitOrderToken covered)) {
            return jdbc.sql("select count(*) from event_store.event_entry").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from event_store.event_entry where (tx_id, global_index) > (:tx, :index)")
                .param("tx", covered.tx()).param("index", covered.index())
                .query(Long.class).single();
    }

    private static Long lowest(Collection<EventTrackerStatus> statuses) {
        return statuses.stream()
                .map(status -> status.getCurrentPosition().orElse(0))
                .min(Long::compare)
                .orElse(null);
    }
}
