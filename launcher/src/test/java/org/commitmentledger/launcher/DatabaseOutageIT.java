package org.commitmentledger.launcher;

import com.jayway.jsonpath.JsonPath;
import org.commitmentledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops for 20 seconds while monitors write through the command API, then starts again on the same port
 * and data. Writes meanwhile are refused quickly and retryably; every write acknowledged is in the log, the read
 * models and on Kafka; neither service is restarted.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int MONITORS = 4;

    @Test
    void writesDuringADatabaseOutageAreRefusedWith503AndRetryAfterAndEveryAcknowledgedWriteSurvives()
            throws Exception {
        try (FaultStack stack = FaultStack.start("database-outage-it")) {
            ServiceProcess query = stack.startQueryService();
            Answers answers = new Answers();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService monitors = Executors.newFixedThreadPool(MONITORS);
            for (int monitor = 0; monitor < MONITORS; monitor++) {
                String prefix = "outage-" + monitor + "-";
                monitors.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        answers.add(write(stack, prefix + n));
                    }
                });
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> answers.acknowledged().size() >= 20);

            stack.postgres().stop();
            int acknowledgedBeforeTheOutage = answers.acknowledged().size();
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10))
                    .until(() -> answers.acknowledged().size() <= acknowledgedBeforeTheOutage + MONITORS);
            stack.postgres().restart();
            int acknowledgedByTheRestart = answers.acknowledged().size();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> answers.acknowledged().size() >= acknowledgedByTheRestart + 20);
            writing.set(false);
            monitors.shutdown();
            assertThat(monitors.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            List<Answer> refused = answers.all().stream().filter(answer -> answer.status() != 201).toList();
            assertThat(refused).as("writes refused during the outage").hasSizeGreaterThanOrEqualTo(MONITORS)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                        assertThat(answer.retryAfter()).as(answer.toString()).isNotNull();
                        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                        assertThat(JsonPath.<String>read(answer.body(), "$.type")).as(answer.toString())
                                .endsWith(":service-unavailable");
                    });
            assertThat(answers.all()).as("no write hangs")
                    .allSatisfy(answer -> assertThat(answer.took()).isLessThan(Duration.ofSeconds(10)));

            Set<String> acknowledged = answers.acknowledged();
            assertThat(stack.strings("select stream_id from event_store.event_entry"
                    + " where payload_type like '%.CommitmentMade'")).containsAll(acknowledged);
            stack.awaitProjected(Duration.ofMinutes(2));
            assertThat(stack.strings("select distinct commitment_id from query.commitment_event"))
                    .containsAll(acknowledged);
            stack.awaitPublished(stack.eventIds(), Duration.ofMinutes(2));
            assertThat(stack.command().isAlive()).isTrue();
            assertThat(query.isAlive()).isTrue();
        }
    }

    private static Answer write(FaultStack stack, String id) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = stack.post(stack.command().baseUrl(), FaultStack.MONITOR,
                                                       "/api/commitments", """
                    {"id": "%s", "title": "Written while the database may be down", "parties": ["MX"],
                     "category": "ENFORCEMENT", "madeOn": "2019-06-07",
                     "source": {"document": "001_2d3c7f9c14ad8971.txt", "locator": "outage"}}""".formatted(id));
            return new Answer(id, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                              response.headers().firstValue("Content-Type").orElse(""), response.body(),
                              Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Answer(id, -1, null, "", e.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(id, -1, null, "", e.toString(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private record Answer(String id, int status, String retryAfter, String contentType, String body, Duration took) {
    }

    private static final class Answers {

        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

        void add(Answer answer) {
            answers.add(answer);
        }

        List<Answer> all() {
            return List.copyOf(answers);
        }

        Set<String> acknowledged() {
            Set<String> ids = new HashSet<>();
            answers.stream().filter(answer -> answer.status() == 201).forEach(answer -> ids.add(answer.id()));
            return ids;
        }
    }
}
