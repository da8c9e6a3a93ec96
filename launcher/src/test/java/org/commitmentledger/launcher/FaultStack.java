package org.commitmentledger.launcher;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.commitmentledger.seeds.SeedLoader;
import org.commitmentledger.testsupport.EmbeddedPostgresServer;
import org.commitmentledger.testsupport.Ports;
import org.commitmentledger.testsupport.ServiceProcess;
import org.commitmentledger.testsupport.TestInfrastructure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ledger for fault tests: a PostgreSQL of its own that keeps its data (so it can be stopped and started again), the
 * shared Kafka broker under a topic prefix of its own, the command service, and query-service instances started and
 * killed at will.
 */
final class FaultStack implements AutoCloseable {

    static final String MONITOR = "monitor:monitor-local";
    static final String ADMIN = "admin:admin-local";
    static final List<String> PROJECTIONS = List.of("claims", "commitment-status", "encounter-trends");
    private static final List<String> READ_MODEL_TABLES = List.of("query.commitment_version",
            "query.commitment_event", "query.encounter_count", "query.claim");
    private static final String CBP_FILE = "cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path directory;
    private final EmbeddedPostgresServer postgres;
    private final String jdbcUrl;
    private final String topicPrefix = "faults-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Map<String, String> environment;
    private final ServiceProcess command;
    private int queryInstances;

    private FaultStack(Path directory) throws Exception {
        this.directory = directory;
        postgres = EmbeddedPostgresServer.start(directory.resolve("postgres").resolve("data"), Ports.free(), true);
        started.push(postgres);
        jdbcUrl = postgres.createDatabase("ledger");
        environment = Map.of("LEDGER_DB_URL", jdbcUrl,
                             "LEDGER_DB_USER", EmbeddedPostgresServer.USER,
                             "LEDGER_DB_PASSWORD", "",
                             "LEDGER_KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.get().kafkaBootstrapServers(),
                             "LEDGER_KAFKA_TOPIC_PREFIX", topicPrefix);
        command = service("command-service");
    }

    /** A fresh stack with the command service running; its files go under {@code target/<name>}. */
    static FaultStack start(String name) throws Exception {
        Path directory = Path.of("target", name, String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        FaultStack stack = new FaultStack(Files.createDirectories(directory));
        try {
            stack.command.awaitHealthy(Duration.ofMinutes(3));
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts another query-service instance and waits until it is healthy. */
    ServiceProcess startQueryService() throws Exception {
        ServiceProcess query = startQueryServiceInBackground();
        query.awaitHealthy(Duration.ofMinutes(3));
        return query;
    }

    /** Starts another query-service instance; its processors start before it answers. */
    ServiceProcess startQueryServiceInBackground() throws IOException {
        return service("query-service-" + ++queryInstances);
    }

    private ServiceProcess service(String name) throws IOException {
        String service = name.startsWith("query") ? "query-service" : "command-service";
        Path jar = Path.of("..", service, "target", service + ".jar").toAbsolutePath().normalize();
        ServiceProcess process = ServiceProcess.start(name, jar, Ports.free(), environment,
                ProcessBuilder.Redirect.appendTo(directory.resolve(name + ".log").toFile()));
        started.push(process);
        return process;
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    ServiceProcess command() {
        return command;
    }

    /** The seed dataset and CBP's file, then {@code releases} more releases of that file, each changing every count. */
    void load(int releases) throws IOException {
        assertThat(loader().loadSeeds().rejected()).isEmpty();
        for (int release = 0; release <= releases; release++) {
            importRelease(release);
        }
    }

    /** Release {@code number} of CBP's file: every count of the file plus that number. */
    void importRelease(int number) throws IOException {
        byte[] cbp;
        try (InputStream file = FaultStack.class.getClassLoader().getResourceAsStream(CBP_FILE)) {
            cbp = file.readAllBytes();
        }
        assertThat(loader().importCbp(new ByteArrayInputStream(revised(cbp, number)), "release " + number,
                                      "cbp.csv").rejected()).isEmpty();
    }

    private SeedLoader loader() {
        return new SeedLoader(command.baseUrl(), "monitor", "monitor-local", System.out);
    }

    /** The file with {@code more} added to every count: a later release that supersedes each of them. */
    private static byte[] revised(byte[] cbp, int more) {
        List<String> lines = new String(cbp, StandardCharsets.UTF_8).lines().toList();
        List<String> revised = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            long count = Long.parseLong(line.substring(comma + 1).replace("\"", "").replace(",", "").strip());
            revised.add(line.substring(0, comma + 1) + (count + more));
        }
        return String.join("\n", revised).getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> post(URI service, String credentials, String path, String body) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(service.resolve(path))
                                 .timeout(Duration.ofSeconds(30))
                                 .header("Authorization", basic(credentials))
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    String get(URI service, String credentials, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.resolve(path))
                                                              .timeout(Duration.ofSeconds(30))
                                                              .header("Authorization", basic(credentials)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until the read models hold one row per event of the log they project: every event applied, none twice.
     * Counted in the tables, not asked of an instance, which knows only the segments it has claimed.
     */
    void awaitProjected(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(projectedRows())
                .isEqualTo(expectedRows()));
    }

    private Map<String, Long> projectedRows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("commitment events", count("select count(*) from query.commitment_event"));
        rows.put("encounter counts", count("select count(*) from query.encounter_count"));
        rows.put("claims", count("select count(*) from query.claim"));
        return rows;
    }

    private Map<String, Long> expectedRows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("commitment events", count("select count(*) from event_store.event_entry where payload_type"
                                                    + " not like '%.EncountersMeasured' and payload_type not like"
                                                    + " '%.ClaimRecorded'"));
        rows.put("encounter counts", count("select count(*) from event_store.event_entry"
                                                   + " where payload_type like '%.EncountersMeasured'"));
        rows.put("claims", count("select count(*) from event_store.event_entry"
                                         + " where payload_type like '%.ClaimRecorded'"));
        return rows;
    }

    /** Every row of every read-model table, as text, in order: two equal answers mean equal read models. */
    Map<String, List<String>> readModels() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = connection()) {
            for (String table : READ_MODEL_TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = connection.createStatement()
                        .executeQuery("select t::text from " + table + " t order by 1")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** Rebuilds every projection from the log through the admin API of {@code query}, one after the other. */
    void rebuildAll(ServiceProcess query) throws Exception {
        for (String projection : PROJECTIONS) {
            HttpResponse<String> accepted = post(query.baseUrl(), ADMIN,
                                                 "/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String state = JsonPath.read(get(query.baseUrl(), ADMIN, "/api/admin/projections/" + projection
                        + "/rebuild"), "$.state");
                assertThat(state).isNotEqualTo("FAILED");
                return state.equals("DONE");
            });
        }
    }

    /** The owner of each segment of each query-service processor, as the token store says. */
    Map<String, String> segmentOwners() throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        try (Connection connection = connection();
             ResultSet result = connection.createStatement().executeQuery(
                     "select processor_name, segment, owner from query.token_entry order by 1, 2")) {
            while (result.next()) {
                owners.put(result.getString(1) + "/" + result.getInt(2),
                           result.getString(3) == null ? "unclaimed" : result.getString(3));
            }
        }
        return owners;
    }

    /** Every event of the log, by its id. */
    Set<String> eventIds() throws SQLException {
        return strings("select event_id from event_store.event_entry");
    }

    /** The first column of every row the query answers. */
    Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = connection();
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** Waits until the ledger's topics hold every one of {@code events} (by {@code ce_id}). */
    void awaitPublished(Set<String> events, Duration atMost) {
        Set<String> published = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topicPrefix + "commitment-ledger.commitments.v1",
                                       topicPrefix + "commitment-ledger.encounters.v1",
                                       topicPrefix + "commitment-ledger.claims.v1"));
            await().atMost(atMost).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    published.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
                return published.containsAll(events);
            });
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connection();
             ResultSet count = connection.createStatement().executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, null);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop a part of the fault stack: " + e);
            }
        }
    }
}
