package org.commitmentledger.events.schema;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Validates JSON against a schema as a strict consumer would, formats such as {@code date} included. */
final class SchemaValidation {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private SchemaValidation() {
    }

    static List<String> errors(JsonNode schema, JsonNode json) {
        return REGISTRY.getSchema(schema).validate(json).stream().map(Error::toString).toList();
    }
}
