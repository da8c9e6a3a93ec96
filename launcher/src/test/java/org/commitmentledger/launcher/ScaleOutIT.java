package org.commitmentledger.launcher;

import org.commitmentledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances against one store share the segments of each processor through the token store;
 * killing one hands its segments to the other once their claims time out (Axon's token claim timeout, 10 s, plus its
 * claim interval, 5 s), and the read models stay exact.
 */
class ScaleOutIT {

    @Test
    void aKilledInstanceHandsItsSegmentsToTheOtherAndTheReadModelsStayExact() throws Exception {
        try (FaultStack stack = FaultStack.start("scale-out-it")) {
            List<ServiceProcess> instances = List.of(stack.startQueryService(), stack.startQueryService());
            stack.load(2);
            stack.awaitProjected(Duration.ofMinutes(2));
            Set<String> both = Set.of(pid(instances.get(0)), pid(instances.get(1)));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, String> owners = stack.segmentOwners();
                for (String projection : FaultStack.PROJECTIONS) {
                    assertThat(Stream.of(owners.get(projection + "/0"), owners.get(projection + "/1"))
                                       .map(ScaleOutIT::pid).collect(Collectors.toSet()))
                            .as("the instances holding the segments of %s: %s", projection, owners).isEqualTo(both);
                }
            });
            Map<String, String> owners = stack.segmentOwners();
            System.out.println("segment owners before the kill: " + owners);

            ServiceProcess killed = instances.stream().max(Comparator.comparingLong(
                    instance -> owners.values().stream().filter(owner -> pid(owner).equals(pid(instance)))
                            .count())).orElseThrow();
            ServiceProcess survivor = instances.get(1 - instances.indexOf(killed));
            killed.kill();
            Instant killedAt = Instant.now();
            stack.importRelease(3);
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(stack.segmentOwners().values())
                            .allSatisfy(owner -> assertThat(pid(owner)).isEqualTo(pid(survivor))));
            System.out.println("segments handed over in " + Duration.between(killedAt, Instant.now()));
            stack.awaitProjected(Duration.ofMinutes(2));

            Map<String, List<String>> projected = stack.readModels();
            stack.rebuildAll(survivor);
            assertThat(stack.readModels()).isEqualTo(projected);
        }
    }

    /** The pid of a token owner ({@code pid@host}, Axon's default node id). */
    private static String pid(String owner) {
        return owner.substring(0, Math.max(0, owner.indexOf('@')));
    }

    private static String pid(ServiceProcess instance) {
        return String.valueOf(instance.pid());
    }
}
