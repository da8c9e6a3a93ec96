package org.commitmentledger.launcher;

import org.commitmentledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances against one store: each segment of each processor is claimed by one of them through
 * the token store (in practice all by the first to start: pooled processors claim every free segment); killing the
 * one holding more hands its segments to the other once their claims time out (Axon's token claim timeout, 10 s, plus
 * its claim interval, 5 s), and the read models stay exact.
 */
class ScaleOutIT {

    private static final int SEGMENTS = 2;

    @Test
    void aKilledInstanceHandsItsSegmentsToTheOtherAndTheReadModelsStayExact() throws Exception {
        try (FaultStack stack = FaultStack.start("scale-out-it")) {
            List<ServiceProcess> instances = List.of(stack.startQueryService(), stack.startQueryService());
            stack.load(2);
            stack.awaitProjected(Duration.ofMinutes(2));
            Map<String, String> owners = stack.segmentOwners();
            assertThat(owners).hasSize(FaultStack.PROJECTIONS.size() * SEGMENTS);
            assertThat(owners.values()).allSatisfy(owner -> assertThat(instances).anySatisfy(
                    instance -> assertThat(owner).startsWith(instance.pid() + "@")));
            System.out.println("segment owners before the kill: " + owners);

            ServiceProcess killed = instances.stream().max(Comparator.comparingLong(
                    instance -> owners.values().stream().filter(owner -> owner.startsWith(instance.pid() + "@"))
                            .count())).orElseThrow();
            ServiceProcess survivor = instances.get(1 - instances.indexOf(killed));
            killed.kill();
            Instant killedAt = Instant.now();
            stack.importRelease(3);
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(stack.segmentOwners().values())
                            .allSatisfy(owner -> assertThat(owner).startsWith(survivor.pid() + "@")));
            System.out.println("segments handed over in " + Duration.between(killedAt, Instant.now()));
            stack.awaitProjected(Duration.ofMinutes(2));

            Map<String, List<String>> projected = stack.readModels();
            stack.rebuildAll(survivor);
            assertThat(stack.readModels()).isEqualTo(projected);
        }
    }
}
