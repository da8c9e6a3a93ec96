package org.commitmentledger.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers, kept apart so that nothing touches its classes unless a Docker engine answers. */
final class DockerInfrastructure {

    private DockerInfrastructure() {
    }

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static TestInfrastructure.PostgresEndpoint postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        return new TestInfrastructure.PostgresEndpoint(container.getJdbcUrl(), container.getUsername(),
                                                       container.getPassword(), null);
    }

    @SuppressWarnings("resource")
    static TestInfrastructure.KafkaEndpoint kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return new TestInfrastructure.KafkaEndpoint(container.getBootstrapServers(), null);
    }
}
