package org.commitmentledger.events.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTests {

    @Test
    void everyEventsCommittedSchemaIsTheOneItsRecordGenerates() {
        if (SchemaFiles.regenerationAsked()) {
            assertThat(SchemaFiles.regenerate()).as("schemas not regenerated").isEmpty();
        }
        List<String> drifted = EventType.all().stream()
                .filter(event -> {
                    Path file = SchemaFiles.PUBLISHED.resolve(event.fileName());
                    return !Files.exists(file) || !SchemaFiles.read(file).equals(SchemaGenerator.schemaOf(event));
                })
                .map(EventType::fileName)
                .toList();

        assertThat(drifted)
                .as("schemas that differ from their records; regenerate them with %s and review the diff",
                    SchemaFiles.REGENERATE_COMMAND)
                .isEmpty();
    }

    @Test
    void everyCommittedSchemaIsOfAnEventAndNamesItsCloudEventsType() {
        Map<String, EventType> events = EventType.all().stream()
                .collect(Collectors.toMap(EventType::name, Function.identity()));

        assertThat(SchemaFiles.list(SchemaFiles.PUBLISHED)).isNotEmpty().allSatisfy(file -> {
            String[] name = file.getFileName().toString().split("\\.v|\\.schema\\.json");
            EventType event = events.get(name[0]);
            assertThat(event).as("the event of %s", file.getFileName()).isNotNull();
            assertThat(Integer.parseInt(name[1])).as("revision of %s", file.getFileName())
                    .isBetween(1, Integer.parseInt(event.revision()));
            JsonNode schema = SchemaFiles.read(file);
            String ceType = EventType.CE_TYPE_PREFIX + name[0] + ".v" + name[1];
            assertThat(schema.get("$schema").asString()).isEqualTo(SchemaGenerator.DIALECT);
            assertThat(schema.get("$id").asString()).isEqualTo(EventType.SCHEMA_ID_PREFIX + ceType);
        });
    }

    @Test
    void everyRevisionIsAPositiveNumberSoThatTheNextOneIsKnown() {
        assertThat(EventType.all()).extracting(EventType::revision)
                .allMatch(revision -> revision.matches("[1-9][0-9]*"));
    }
}
