package org.commitmentledger.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ledger.kafka.publish.lag}: seconds between now and the recorded time of the last event Kafka acknowledged.
 */
@Component
class PublishingLag {

    private final AtomicReference<Instant> lastPublished = new AtomicReference<>();
    private final Clock clock;

    PublishingLag(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("ledger.kafka.publish.lag", this, PublishingLag::seconds)
                .description("Seconds between now and the recorded time of the last event published to Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(Instant recordedAt) {
        lastPublished.accumulateAndGet(recordedAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    private double seconds() {
        Instant last = lastPublished.get();
        return last == null ? 0 : Math.max(0, clock.instant().toEpochMilli() - last.toEpochMilli()) / 1000.0;
    }
}
