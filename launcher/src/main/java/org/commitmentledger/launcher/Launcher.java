package org.commitmentledger.launcher;

import org.commitmentledger.seeds.SeedLoader;
import org.commitmentledger.testsupport.EmbeddedPostgresServer;
import org.commitmentledger.testsupport.KafkaBroker;
import org.commitmentledger.testsupport.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole ledger on this machine with nothing installed but a JDK: PostgreSQL (embedded, data in
 * {@code .data/postgres}) or the one {@code LEDGER_DB_URL} names, a Kafka broker (data in {@code .data/kafka}) or the
 * one {@code LEDGER_KAFKA_BOOTSTRAP_SERVERS} names, then both services. Ctrl-C stops everything it started, in
 * reverse order; the data stays for the next run.
 */
public final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    private static final Duration SERVICE_STARTUP = Duration.ofMinutes(3);
    private static final String CBP_FILE = "cbp/cbp-sw-land-border-encounters-fy2022-fy2023.csv";
    private static final String CBP_RELEASE = "FY2022-FY2023 extract";

    private final Path root = Path.of("").toAbsolutePath();
    private final Path data = root.resolve(".data");
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

    public static void main(String[] args) throws Exception {
        new Launcher().run();
    }

    private void run() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "launcher-stop"));
        try {
            Map<String, String> environment = startInfrastructure();
            ServiceProcess command = startService("command-service", 8081, environment);
            ServiceProcess query = startService("query-service", 8082, environment);
            command.awaitHealthy(SERVICE_STARTUP);
            query.awaitHealthy(SERVICE_STARTUP);
            loadSeeds();
            printWelcome(environment);
            stopped.await();
        } catch (Exception e) {
            log.error("Start-up failed: {}", e.getMessage());
            System.exit(1);
        }
    }

    private Map<String, String> startInfrastructure() throws SQLException {
        String dbUrl = System.getenv("LEDGER_DB_URL");
        String dbUser = System.getenv().getOrDefault("LEDGER_DB_USER", EmbeddedPostgresServer.USER);
        String dbPassword = System.getenv().getOrDefault("LEDGER_DB_PASSWORD", "");
        if (dbUrl == null) {
            int port = Integer.parseInt(System.getenv().getOrDefault("LEDGER_PG_PORT", "5433"));
            log.info("Starting PostgreSQL on port {} (data in .data/postgres)", port);
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres/data"), port, true);
            started.push(postgres);
            createDatabaseIfMissing(postgres.jdbcUrl("postgres"), "ledger");
            dbUrl = postgres.jdbcUrl("ledger");
            dbUser = EmbeddedPostgresServer.USER;
        }
        String kafka = System.getenv("LEDGER_KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null) {
            log.info("Starting Kafka on localhost:9092 (data in .data/kafka)");
            KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), 9092, 9093);
            started.push(broker);
            kafka = broker.bootstrapServers();
        }
        return Map.of("LEDGER_DB_URL", dbUrl, "LEDGER_DB_USER", dbUser, "LEDGER_DB_PASSWORD", dbPassword,
                      "LEDGER_KAFKA_BOOTSTRAP_SERVERS", kafka);
    }

    private static void createDatabaseIfMissing(String adminUrl, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, EmbeddedPostgresServer.USER, null);
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "select 1 from pg_database where datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        }
    }

    private ServiceProcess startService(String name, int port, Map<String, String> environment) throws Exception {
        ServiceProcess service = ServiceProcess.start(name, root.resolve(name).resolve("target").resolve(name + ".jar"),
                                                      port, environment, ProcessBuilder.Redirect.INHERIT);
        started.push(service);
        return service;
    }

    /**
     * Records the seed dataset and CBP's public figures through the command API. Every item carries an idempotency
     * key, so after the first start this records nothing and only reports what is already present.
     */
    private static void loadSeeds() throws Exception {
        SeedLoader loader = new SeedLoader(URI.create("http://127.0.0.1:8081"), "monitor", "monitor-local",
                                           System.out);
        loader.loadSeeds();
        try (InputStream cbp = Launcher.class.getClassLoader().getResourceAsStream(CBP_FILE)) {
            loader.importCbp(cbp, CBP_RELEASE, CBP_FILE.substring(CBP_FILE.lastIndexOf('/') + 1));
        }
    }

    private void printWelcome(Map<String, String> environment) {
        System.out.printf("""

                ==========================================================================
                 Commitment Ledger is running
                   command API (writes)  http://127.0.0.1:8081/api/commitments
                   query API (reads)     http://127.0.0.1:8082/api/commitments/{id}
                   Kafka                 %s   topic commitment-ledger.commitments.v1
                   PostgreSQL            %s
                 Log in with HTTP Basic (local run only):
                   monitor / monitor-local   writes
                   auditor / auditor-local   audit reads
                   admin   / admin-local     rebuilds, republishing
                 Reads are public. Ctrl-C stops everything; the data stays in .data/
                ==========================================================================
                %n""", environment.get("LEDGER_KAFKA_BOOTSTRAP_SERVERS"), environment.get("LEDGER_DB_URL"));
    }

    private void stopAll() {
        AutoCloseable next;
        while ((next = started.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", next, e.getMessage());
            }
        }
    }
}
