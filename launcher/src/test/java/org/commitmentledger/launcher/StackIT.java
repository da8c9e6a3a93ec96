package org.commitmentledger.launcher;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.commitmentledger.examples.consumer.DownstreamConsumer;
import org.commitmentledger.seeds.SeedDataset;
import org.commitmentledger.seeds.SeedDocument;
import org.commitmentledger.seeds.SeedLoader;
import org.commitmentledger.testsupport.KafkaContract;
import org.commitmentledger.testsupport.ServiceProcess;
import org.commitmentledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole ledger as a user runs it: both services from their jars, a real PostgreSQL and Kafka, the seed dataset
 * and CBP's shared file loaded through the command API, then read back from the query API and from Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final String CBP_FILE = "cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv";
    private static final Set<String> DOCUMENTS = Set.of("000_b1c210631cfbef75.txt", "001_2d3c7f9c14ad8971.txt",
            "002_a239a9f9aea001a8.txt", "003_014a94f56840d97f.txt", "004_eccbc8ce92a2f024.txt");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServiceProcess command;
    private static ServiceProcess query;
    private static String database;
    private static String topicPrefix;
    private static SeedLoader loader;
    private static SeedLoader.Summary firstLoad;
    private static List<SeedDocument> seeds;

    @BeforeAll
    static void startTheStack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        database = infrastructure.newDatabase();
        topicPrefix = "stack-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path logs = Files.createDirectories(Path.of("target", "stack-it"));
        Map<String, String> environment = Map.of(
                "LEDGER_DB_URL", database,
                "LEDGER_DB_USER", infrastructure.postgresUser(),
                "LEDGER_DB_PASSWORD", infrastructure.postgresPassword() == null ? ""
                        : infrastructure.postgresPassword(),
                "LEDGER_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "LEDGER_KAFKA_TOPIC_PREFIX", topicPrefix);
        command = ServiceProcess.start("command-service", jar("command-service"), freePort(), environment,
                ProcessBuilder.Redirect.to(logs.resolve("command-service.log").toFile()));
        query = ServiceProcess.start("query-service", jar("query-service"), freePort(), environment,
                ProcessBuilder.Redirect.to(logs.resolve("query-service.log").toFile()));
        command.awaitHealthy(Duration.ofMinutes(3));
        query.awaitHealthy(Duration.ofMinutes(3));
        seeds = SeedDataset.load();
        loader = new SeedLoader(command.baseUrl(), "monitor", "monitor-local", System.out);
        firstLoad = loader.loadSeeds();
        try (InputStream cbp = StackIT.class.getClassLoader().getResourceAsStream(CBP_FILE)) {
            assertThat(loader.importCbp(cbp, "FY2022-FY2023 extract", "cbp-sw-land-border-encounters.csv")
                               .rejected()).isEmpty();
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> caughtUp());
    }

    @AfterAll
    static void stopTheStack() throws InterruptedException {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
    }

    @Test
    @Order(1)
    void everySeedIsRecordedAndListedWithItsDocumentAndLocator() {
        int commitments = seeds.stream().mapToInt(document -> document.commitments().size()).sum();
        assertThat(firstLoad.rejected()).isEmpty();
        assertThat(firstLoad.loaded()).isEqualTo(seeds.stream().mapToInt(document -> document.commitments().size()
                + document.reaffirmations().size() + document.progress().size() + document.claims().size()).sum());

        DocumentContext list = read("/api/commitments?size=200");
        assertThat(list.read("$.total", Integer.class)).isEqualTo(commitments);
        List<String> documents = list.read("$.items[*].source.document");
        List<String> locators = list.read("$.items[*].source.locator");
        assertThat(documents).hasSize(commitments).allMatch(DOCUMENTS::contains);
        assertThat(locators).hasSize(commitments).allMatch(locator -> locator != null && !locator.isBlank());
        Map<String, Long> perDocument = documents.stream()
                .collect(Collectors.groupingBy(document -> document, Collectors.counting()));
        for (SeedDocument document : seeds) {
            assertThat(perDocument.getOrDefault(document.document().file(), 0L))
                    .as(document.document().file()).isEqualTo(document.commitments().size());
        }
    }

    @Test
    @Order(2)
    void theSummaryCountsEveryCommitmentByDocument() {
        DocumentContext summary = read("/api/summary");
        for (SeedDocument document : seeds) {
            Map<String, Integer> byStatus = summary.read("$.byDocument['" + document.document().file() + "']");
            assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(document.commitments().size());
        }
    }

    @Test
    @Order(3)
    void june2023IsThirtyPercentBelowMay() {
        DocumentContext monthly = read("/api/encounters/monthly?from=2023-05&to=2023-06");
        assertThat(monthly.read("$.months[1].month", String.class)).isEqualTo("2023-06");
        assertThat(monthly.read("$.months[1].count", Long.class)).isEqualTo(144_556L);
        assertThat(monthly.read("$.months[1].changeFromPreviousMonthPercent", Double.class)).isEqualTo(-30.1);
        DocumentContext years = read("/api/encounters/fiscal-years");
        assertThat(years.read("$.fiscalYears[?(@.fiscalYear == 2022)].total", List.class)).containsExactly(2_378_944);
        assertThat(years.read("$.fiscalYears[?(@.fiscalYear == 2023)].total", List.class)).containsExactly(2_475_669);
    }

    @Test
    @Order(4)
    void theClaimsComeOutAsTheFiguresSay() throws Exception {
        DocumentContext claims = read("/api/claims");
        List<Map<String, Object>> halved = claims.read(
                "$.claims[?(@.claim.metric == 'encounters' && @.claim.claimedChangePercent == -50)]");
        assertThat(halved).singleElement().satisfies(claim -> {
            DocumentContext checked = JsonPath.parse(claim);
            assertThat(checked.read("$.check.verdict", String.class)).isEqualTo("NOT_SUPPORTED");
            assertThat(checked.read("$.check.measuredChangePercent", Double.class)).isEqualTo(-30.1);
        });
        List<String> chnv = claims.read("$.claims[?(@.claim.scope.citizenship contains 'Venezuela' "
                                                + "&& @.claim.claimedChangePercent == -95)].check.verdict");
        assertThat(chnv).containsExactly("NOT_VERIFIABLE");
        String lowestPath = "$.claims[?(@.claim.claimedExtreme.since == '2021-02')]";
        assertThat(claims.read(lowestPath + ".check.verdict", List.class)).containsExactly("NOT_VERIFIABLE");

        List<String> earlier = new ArrayList<>();
        earlier.add(measurement("2021-02", 100_000));
        for (int month = 3; month <= 9; month++) {
            earlier.add(measurement("2021-0" + month, 180_000));
        }
        HttpResponse<String> recorded = post("/api/encounters", "[" + String.join(",", earlier) + "]");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                read("/api/claims").read(lowestPath + ".check.verdict", List.class)).containsExactly("SUPPORTED"));
    }

    @Test
    @Order(5)
    void loadingTheSeedsAgainRecordsNothing() throws SQLException {
        long events = eventCount();

        SeedLoader.Summary second = loader.loadSeeds();

        assertThat(second.loaded()).isZero();
        assertThat(second.rejected()).isEmpty();
        assertThat(second.alreadyPresent()).isEqualTo(firstLoad.loaded());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    @Order(6)
    void downstreamServicesReadEveryCommitmentFromKafkaKeyedByItsId() {
        Set<String> ids = seeds.stream().flatMap(document -> document.commitments().stream())
                .map(SeedDocument.Commitment::id).collect(Collectors.toSet());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topicPrefix + "commitment-ledger.commitments.v1"));
            Set<String> made = new java.util.HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    KafkaContract.assertConforms(record);
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    if (type.equals("org.commitmentledger.CommitmentMade.v1")) {
                        assertThat(JsonPath.parse(record.value()).read("$.commitmentId", String.class))
                                .isEqualTo(record.key());
                        made.add(record.key());
                    }
                }
                return made.containsAll(ids);
            });
        }
    }

    @Test
    @Order(7)
    void everyRecordedEventIsOnKafkaFollowingTheContract() throws SQLException {
        long events = eventCount();

        assertThat(conformingEventIds(topicPrefix, events)).hasSize((int) events);
    }

    /** The distinct events on the three topics of a prefix, once there are {@code expected}; every record checked. */
    private static Set<String> conformingEventIds(String prefix, long expected) {
        Set<String> published = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(prefix + "commitment-ledger.commitments.v1",
                                       prefix + "commitment-ledger.encounters.v1",
                                       prefix + "commitment-ledger.claims.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    KafkaContract.assertConforms(record);
                    published.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
                return published.size() >= expected;
            });
        }
        return published;
    }

    @Test
    @Order(8)
    void aNewSubscriberRebuildsTheSummaryFromARepublishedTopic() throws Exception {
        String prefix = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        HttpResponse<String> accepted = post("admin:admin-local", "/api/admin/republications",
                                             "{\"topicPrefix\": \"" + prefix + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String progress = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofMinutes(2)).until(() -> JsonPath.parse(get("admin:admin-local", progress))
                .read("$.state", String.class).equals("DONE"));
        long commitmentEvents = count("select count(*) from event_store.event_entry where stream_type = 'Commitment'");
        long commitments = count("select count(distinct stream_id) from event_store.event_entry"
                                         + " where stream_type = 'Commitment'");

        try (DownstreamConsumer consumer = new DownstreamConsumer(TestInfrastructure.get().kafkaBootstrapServers(),
                prefix + "commitment-ledger.commitments.v1", "newcomer")) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.pollOnce(Duration.ofMillis(500));
                return consumer.view().applied() == commitmentEvents;
            });
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> read("/api/summary").read("$.commitments", Long.class) == commitments);

            Map<String, Integer> summary = read("/api/summary").read("$.byStatus");
            Map<String, Long> ledger = summary.entrySet().stream().filter(entry -> entry.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().longValue()));
            assertThat(consumer.view().countsByStatus()).isEqualTo(ledger);
        }
        long republished = JsonPath.parse(get("admin:admin-local", progress)).read("$.published", Long.class);
        assertThat(conformingEventIds(prefix, republished)).hasSize((int) republished);
    }

    private static boolean caughtUp() {
        int commitments = seeds.stream().mapToInt(document -> document.commitments().size()).sum();
        int claims = seeds.stream().mapToInt(document -> document.claims().size()).sum();
        try {
            return read("/api/commitments?size=1").read("$.total", Integer.class) == commitments
                    && read("/api/claims").read("$.claims.length()", Integer.class) == claims
                    && read("/api/encounters/fiscal-years").read("$.fiscalYears.length()", Integer.class) == 2
                    && read("/api/encounters/monthly?from=2023-09&to=2023-09")
                    .read("$.months.length()", Integer.class) == 1;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String measurement(String month, long count) {
        return """
                {"period": "%s", "count": %d, "release": "earlier months", "source": {"document": "test"}}"""
                .formatted(month, count);
    }

    private static DocumentContext read(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(query.baseUrl().resolve(path)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JsonPath.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post("monitor:monitor-local", path, body);
    }

    private static String get(String credentials, String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(command.baseUrl().resolve(url))
                                 .header("Authorization", basic(credentials)).build(),
                         HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String credentials, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(command.baseUrl().resolve(path))
                                 .header("Authorization", basic(credentials))
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static long eventCount() throws SQLException {
        return count("select count(*) from event_store.event_entry");
    }

    private static long count(String sql) throws SQLException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(database, infrastructure.postgresUser(),
                                                                 infrastructure.postgresPassword());
             ResultSet count = connection.createStatement().executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Path jar(String service) {
        return Path.of("..", service, "target", service + ".jar").toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
