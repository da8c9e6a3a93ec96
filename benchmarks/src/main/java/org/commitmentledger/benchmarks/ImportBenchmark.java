package org.commitmentledger.benchmarks;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a generated CBP file of {@code rows} rows through the API, one row per count, so one event each, against
 * writing as many rows of the same shape straight into a copy of the event table (its indexes, no triggers) on the
 * same PostgreSQL: by COPY, and by multi-row INSERT, each in one transaction as the import is. The baselines run
 * first, before the import's events keep Kafka and the query side busy.
 */
final class ImportBenchmark {

    record Result(int rows, int series, long events, double apiSeconds, double copyPerSecond,
                  double insertPerSecond) {

        double apiPerSecond() {
            return events / apiSeconds;
        }
    }

    private static final String MONITOR = "Basic " + Base64.getEncoder()
            .encodeToString("monitor:monitor-local".getBytes(StandardCharsets.UTF_8));
    private static final String COLUMNS = "event_id, stream_type, stream_id, sequence_number, payload_type,"
            + " payload_revision, payload, meta_data, recorded_at, effective_on";
    private static final Pattern RECORDED = Pattern.compile("\"recorded\"\\s*:\\s*(\\d+)");
    private static final String VALUES = "(?, ?, ?, ?::bigint, ?, ?, ?::jsonb, ?::jsonb, ?::timestamptz, ?::date)";
    private static final int INSERT_ROWS = 1_000;

    private final BenchmarkStack stack;
    private final Path scratch;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ImportBenchmark(BenchmarkStack stack, Path scratch) {
        this.stack = stack;
        this.scratch = scratch;
    }

    Result run(int rows) throws Exception {
        Path file = scratch.resolve("cbp-" + rows + ".csv");
        int series = CbpFiles.write(file, rows);
        double copy = rows / rawCopy(rows);
        double insert = rows / rawInsert(rows);
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(stack.command().resolve(URI.create("/api/encounters/imports?release=benchmark"
                                                                          + "&document=benchmark.csv")))
                        .header("Authorization", MONITOR)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        Matcher recorded = RECORDED.matcher(response.body());
        if (response.statusCode() != 201 || !recorded.find()) {
            throw new IllegalStateException("the import answered " + response.statusCode() + ": " + response.body());
        }
        Files.delete(file);
        return new Result(rows, series, Long.parseLong(recorded.group(1)), seconds, copy, insert);
    }

    /** @return seconds to COPY {@code rows} rows and commit */
    private double rawCopy(int rows) throws Exception {
        try (Connection connection = rawTable("raw_import_copy")) {
            long started = System.nanoTime();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy raw_import_copy (" + COLUMNS + ") from stdin with (format csv)");
            StringBuilder block = new StringBuilder();
            for (int row = 0; row < rows; row++) {
                String[] fields = fields(row, rows);
                for (int i = 0; i < fields.length; i++) {
                    block.append(i == 0 ? "\"" : ",\"").append(fields[i].replace("\"", "\"\"")).append('"');
                }
                block.append('\n');
                if (block.length() > 1 << 20 || row == rows - 1) {
                    byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    block.setLength(0);
                }
            }
            copy.endCopy();
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** @return seconds to INSERT {@code rows} rows, {@value INSERT_ROWS} a statement, and commit */
    private double rawInsert(int rows) throws Exception {
        try (Connection connection = rawTable("raw_import_insert")) {
            long started = System.nanoTime();
            for (int first = 0; first < rows; first += INSERT_ROWS) {
                int count = Math.min(INSERT_ROWS, rows - first);
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into raw_import_insert (" + COLUMNS + ") values "
                                + String.join(", ", Collections.nCopies(count, VALUES)))) {
                    for (int row = 0; row < count; row++) {
                        String[] fields = fields(first + row, rows);
                        for (int i = 0; i < fields.length; i++) {
                            insert.setString(row * fields.length + i + 1, fields[i]);
                        }
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private Connection rawTable(String name) throws Exception {
        Connection connection = stack.connection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + name + " (like event_store.event_entry including all)");
            statement.execute("alter table " + name + " alter column hash drop not null");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /** A row like the import writes: same stream ids, payload and metadata sizes. */
    private static String[] fields(int row, int rows) {
        int slices = (rows + CbpFiles.MONTHS - 1) / CbpFiles.MONTHS;
        int month = row / slices;
        String stream = "encounters.office-of-field-operations.single-adults.country-" + (row % slices)
                + ".title-42.expulsions";
        String period = (2021 + (month + 9) / 12) + "-" + String.format("%02d", (month + 9) % 12 + 1);
        String payload = "{\"dimensions\":{\"component\":\"Office of Field Operations\",\"demographic\":"
                + "\"Single Adults\",\"citizenship\":\"Country " + (row % slices) + "\",\"titleOfAuthority\":"
                + "\"Title 42\",\"encounterType\":\"Expulsions\"},\"period\":\"" + period + "\",\"count\":" + row
                + ",\"release\":\"benchmark\",\"supersedesRelease\":null,\"source\":{\"document\":\"benchmark.csv\","
                + "\"title\":\"CBP Southwest Land Border Encounters, release benchmark\",\"publishedOn\":null,"
                + "\"url\":\"https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters\","
                + "\"locator\":\"release benchmark\"}}";
        String metaData = "{\"principal\":\"monitor\",\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"causationId\":\"" + UUID.randomUUID() + "\"}";
        return new String[]{UUID.randomUUID().toString(), "EncounterSeries", stream, Integer.toString(month),
                "org.commitmentledger.events.EncountersMeasured", "1", payload, metaData, Instant.now().toString(),
                period + "-28"};
    }
}
