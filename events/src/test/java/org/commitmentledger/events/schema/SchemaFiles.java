package org.commitmentledger.events.schema;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed schemas: the published ones, which the events jar carries for consumers and for the tests that
 * validate Kafka records, and a golden copy of each revision, which only ever changes in backward-compatible ways.
 */
final class SchemaFiles {

    static final String REGENERATE_PROPERTY = "ledger.schemas.regenerate";
    static final String REGENERATE_COMMAND =
            "mvn -pl events test -Dtest=EventSchemasTests -D" + REGENERATE_PROPERTY + "=true";

    static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    static final Path PUBLISHED = MODULE.resolve("src/main/resources/schemas");
    static final Path GOLDEN = MODULE.resolve("src/test/resources/golden-schemas");

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private SchemaFiles() {
    }

    static boolean regenerationAsked() {
        return Boolean.getBoolean(REGENERATE_PROPERTY);
    }

    static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes each event's schema, and its golden copy, unless the golden copy of its revision exists and the new
     * schema would break it: then nothing of that event is written and the answer says why.
     */
    static List<String> regenerate() {
        List<String> refused = new ArrayList<>();
        for (EventType event : EventType.all()) {
            JsonNode schema = SchemaGenerator.schemaOf(event);
            Path golden = GOLDEN.resolve(event.fileName());
            if (Files.exists(golden)) {
                List<String> breaking = SchemaCompatibility.breakingChanges(read(golden), schema);
                if (!breaking.isEmpty()) {
                    refused.add(event.fileName() + " would break revision " + event.revision() + ": " + breaking
                            + "; give " + event.name() + " @Revision(\"" + (Integer.parseInt(event.revision()) + 1)
                            + "\") (and an upcaster for the stored events) instead");
                    continue;
                }
            }
            write(PUBLISHED.resolve(event.fileName()), schema);
            write(golden, schema);
        }
        return refused;
    }

    private static void write(Path file, JsonNode schema) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writer().with(LAYOUT).writeValueAsString(schema) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
