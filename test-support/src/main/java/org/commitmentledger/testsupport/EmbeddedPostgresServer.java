package org.commitmentledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the zonky binaries, no installation needed. With a data directory that already holds
 * a cluster, it starts that cluster again, so the data survives a restart. The caller stops it ({@link #close()}),
 * so that it stops after the services that use it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port, boolean keepData) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.keepData = keepData;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean keepData) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, port, keepData);
        server.postgres = server.launch(!keepData);
        return server;
    }

    private EmbeddedPostgres launch(boolean cleanDataDirectory) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(cleanDataDirectory)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolveSibling("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolveSibling("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Stops the server (a fast shutdown: open sessions are cut) and keeps its data, as in a database outage; {@link
     * #restart()} ends the outage. Only a server that keeps its data can: the others delete it when they stop.
     */
    public synchronized void stop() {
        if (!keepData) {
            throw new IllegalStateException("a server started without keeping its data deletes it when it stops");
        }
        close();
    }

    /** Starts the stopped server again on the same port and data directory. */
    public synchronized void restart() {
        postgres = launch(false);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates an empty database of this name and returns its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
