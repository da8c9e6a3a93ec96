package org.commitmentledger.benchmarks;

import org.commitmentledger.testsupport.EmbeddedPostgresServer;
import org.commitmentledger.testsupport.KafkaBroker;
import org.commitmentledger.testsupport.Ports;
import org.commitmentledger.testsupport.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A freshly started ledger: its own PostgreSQL and Kafka in a scratch directory, both services from their jars. */
final class BenchmarkStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String jdbcUrl;
    private final String kafka;
    private final ServiceProcess command;
    private final ServiceProcess query;

    private final Thread stopOnExit = new Thread(this::stopAll, "benchmark-stack-stop");

    /** @param profile where each service keeps a Java Flight Recording of the run, or null for none */
    BenchmarkStack(Path root, Path scratch, Path profile) throws Exception {
        // Interrupted (Ctrl-C, kill), the harness still stops the services it started: they would outlive it.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Files.createDirectories(scratch);
        // Kept data means fsync on: the raw baseline is the commit rate of this disk, as the issue asks.
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(scratch.resolve("postgres").resolve("data"),
                                                                       Ports.free(), true);
        started.push(postgres);
        jdbcUrl = postgres.createDatabase("ledger");
        KafkaBroker broker = KafkaBroker.startOnFreePorts(scratch.resolve("kafka"));
        started.push(broker);
        kafka = broker.bootstrapServers();
        Map<String, String> environment = Map.of("LEDGER_DB_URL", jdbcUrl,
                                                  "LEDGER_DB_USER", EmbeddedPostgresServer.USER,
                                                  "LEDGER_DB_PASSWORD", "",
                                                  "LEDGER_KAFKA_BOOTSTRAP_SERVERS", kafka);
        command = service(root, scratch, "command-service", environment, profile);
        query = service(root, scratch, "query-service", environment, profile);
        try {
            command.awaitHealthy(Duration.ofMinutes(3));
            query.awaitHealthy(Duration.ofMinutes(3));
        } catch (IllegalStateException e) {
            for (String service : List.of("command-service", "query-service")) {
                List<String> log = Files.readAllLines(scratch.resolve(service + ".log"));
                System.err.println(service + ":\n" + String.join("\n", log.subList(Math.max(0, log.size() - 40),
                                                                                      log.size())));
            }
            close();
            throw e;
        }
    }

    private ServiceProcess service(Path root, Path scratch, String name, Map<String, String> environment,
                                   Path profile) throws IOException {
        if (profile != null) {
            Files.createDirectories(profile);
            environment = new HashMap<>(environment);
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,jdk.SocketRead#threshold=1ms,"
                                                 + "jdk.JavaMonitorEnter#threshold=1ms,dumponexit=true,filename="
                                                 + profile.resolve(name + ".jfr"));
        }
        ServiceProcess service = ServiceProcess.start(name, root.resolve(name).resolve("target").resolve(name + ".jar"),
                                                      Ports.free(), environment,
                                                      ProcessBuilder.Redirect.to(scratch.resolve(name + ".log").toFile()));
        started.push(service);
        return service;
    }

    /** Waits until every projection of the query service has applied every event of the log. */
    void awaitProjected(Duration atMost) throws Exception {
        LedgerHttp http = new LedgerHttp();
        long deadline = System.nanoTime() + atMost.toNanos();
        String projections = "";
        while (System.nanoTime() < deadline) {
            projections = http.get(query().resolve("/api/admin/projections"), LedgerHttp.ADMIN);
            if (projections.contains("\"behind\"") && !projections.matches("(?s).*\"behind\"\\s*:\\s*([1-9]|null).*")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("projections not caught up after " + atMost + ": " + projections);
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, null);
    }

    String kafkaBootstrapServers() {
        return kafka;
    }

    URI command() {
        return command.baseUrl();
    }

    URI query() {
        return query.baseUrl();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing is left to stop
        }
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop a part of the benchmark stack: " + e);
            }
        }
    }
}
