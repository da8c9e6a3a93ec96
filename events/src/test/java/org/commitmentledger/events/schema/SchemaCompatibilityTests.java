package org.commitmentledger.events.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTests {

    private static final String EARLIER = """
            {"type": "object",
             "properties": {
               "id": {"type": "string", "pattern": "^[a-z]+$"},
               "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
               "status": {"$ref": "#/$defs/Status"},
               "tags": {"type": "array", "items": {"type": "string"}}},
             "required": ["id", "status", "tags"],
             "additionalProperties": false,
             "$defs": {"Status": {"type": "string", "enum": ["OPEN", "CLOSED"]}}}
            """;

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(breakingChanges(EARLIER)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyWideningAnOptionalOneAndAddingAnEnumValueAreCompatible() {
        assertThat(breakingChanges(EARLIER
                .replace("\"tags\": {", "\"added\": {\"type\": \"integer\"}, \"tags\": {")
                .replace("[{\"type\": \"string\"}, {\"type\": \"null\"}]",
                         "[{\"type\": [\"string\", \"integer\"]}, {\"type\": \"null\"}]")
                .replace("\"CLOSED\"]", "\"CLOSED\", \"STALLED\"]"))).isEmpty();
    }

    @Test
    void removingAPropertyBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace(
                "\"note\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]},", "")))
                .containsExactly("$.note was removed");
    }

    @Test
    void requiringAnOptionalPropertyBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace("[\"id\", \"status\", \"tags\"]",
                                                   "[\"id\", \"note\", \"status\", \"tags\"]")))
                .containsExactly("$.note is newly required");
    }

    @Test
    void makingARequiredPropertyOptionalBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace("[\"id\", \"status\", \"tags\"]", "[\"status\", \"tags\"]")))
                .containsExactly("$.id is no longer required");
        assertThat(breakingChanges(EARLIER.replace("{\"type\": \"string\", \"pattern\"",
                                                   "{\"type\": [\"string\", \"null\"], \"pattern\"")))
                .containsExactly("$.id may now be null");
    }

    @Test
    void narrowingATypeBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]}",
                                                   "{\"type\": \"string\"}")))
                .containsExactly("$.note no longer accepts [null]");
        assertThat(breakingChanges(EARLIER.replace("\"items\": {\"type\": \"string\"}",
                                                   "\"items\": {\"type\": \"integer\"}")))
                .containsExactly("$.tags[] no longer accepts [string]");
    }

    @Test
    void droppingAnEnumValueInADefinitionBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace("[\"OPEN\", \"CLOSED\"]", "[\"OPEN\"]")))
                .containsExactly("$.status no longer accepts the value \"CLOSED\"");
    }

    @Test
    void aNewOrChangedConstraintBreaksConsumers() {
        assertThat(breakingChanges(EARLIER.replace("^[a-z]+$", "^[a-z]{3}$")))
                .containsExactly("$.id has a new pattern \"^[a-z]{3}$\"");
        assertThat(breakingChanges(EARLIER.replace("\"items\": {\"type\": \"string\"}",
                                                   "\"items\": {\"type\": \"string\", \"format\": \"date\"}")))
                .containsExactly("$.tags[] has a new format \"date\"");
    }

    @Test
    void closingAnOpenObjectBreaksConsumers() {
        String open = EARLIER.replace("\"additionalProperties\": false,", "");

        assertThat(SchemaCompatibility.breakingChanges(json(open), json(EARLIER)))
                .containsExactly("$ no longer accepts properties it does not name");
    }

    private static List<String> breakingChanges(String later) {
        return SchemaCompatibility.breakingChanges(json(EARLIER), json(later));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
