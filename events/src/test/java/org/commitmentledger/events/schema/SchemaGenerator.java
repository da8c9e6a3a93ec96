package org.commitmentledger.events.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.commitmentledger.events.ClaimId;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ReportId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The JSON Schema (draft 2020-12) of an event record as Jackson writes it with its defaults: a record is an object of
 * its components, a record with a {@code @JsonValue} component is that component's value, an enum is its constant's
 * name, {@code LocalDate} is {@code yyyy-MM-dd}, {@code YearMonth} is {@code yyyy-MM} and {@code BigDecimal} a number.
 * A primitive component, or one marked {@code @JsonProperty(required = true)}, is required and never null; any other
 * may be null. Objects are closed, so that a property the schema does not know fails validation; schemas of one
 * revision then only grow (see {@link SchemaCompatibility}). A Java type with no mapping here fails generation.
 */
final class SchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String SLUG = "^[a-z0-9-]{3,100}$";
    private static final Map<Class<?>, String> VALUE_PATTERNS = Map.of(
            CommitmentId.class, SLUG,
            ReportId.class, SLUG,
            ClaimId.class, SLUG,
            Party.class, "^[A-Z]{2}$");
    private static final String YEAR_MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, JsonNode> definitions = new TreeMap<>();

    private SchemaGenerator() {
    }

    static ObjectNode schemaOf(EventType event) {
        return new SchemaGenerator().root(event);
    }

    private ObjectNode root(EventType event) {
        ObjectNode root = nodes.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", event.schemaId());
        root.put("title", event.ceType());
        root.put("description", "The data of a CloudEvent of type " + event.ceType()
                + ": the record " + event.type().getName() + " at revision " + event.revision() + " as JSON.");
        root.setAll(objectSchema(event.type()));
        if (!definitions.isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            definitions.forEach(defs::set);
        }
        return root;
    }

    private ObjectNode objectSchema(Class<?> record) {
        ObjectNode schema = nodes.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = nodes.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = propertyName(component);
            JsonNode value = schemaOf(component.getGenericType());
            if (isRequired(component)) {
                properties.set(name, value);
                required.add(name);
            } else {
                properties.set(name, nullable(value));
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static boolean isRequired(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return component.getType().isPrimitive() || property != null && property.required();
    }

    private JsonNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode array = nodes.objectNode();
            array.put("type", "array");
            array.set("items", schemaOf(parameterized.getActualTypeArguments()[0]));
            return array;
        }
        if (!(type instanceof Class<?> javaClass)) {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type);
        }
        if (javaClass == String.class) {
            return simple("string");
        }
        if (javaClass == boolean.class || javaClass == Boolean.class) {
            return simple("boolean");
        }
        if (javaClass == long.class || javaClass == Long.class
                || javaClass == int.class || javaClass == Integer.class) {
            return simple("integer");
        }
        if (javaClass == BigDecimal.class) {
            return simple("number");
        }
        if (javaClass == LocalDate.class) {
            return simple("string").put("format", "date");
        }
        if (javaClass == YearMonth.class) {
            return simple("string").put("pattern", YEAR_MONTH);
        }
        if (javaClass.isEnum()) {
            return definition(javaClass, () -> {
                ObjectNode schema = simple("string");
                ArrayNode values = schema.putArray("enum");
                Arrays.stream(javaClass.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                        .forEach(values::add);
                return schema;
            });
        }
        if (javaClass.isRecord()) {
            return definition(javaClass, () -> valueComponent(javaClass) == null
                    ? objectSchema(javaClass) : valueSchema(javaClass));
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + javaClass.getName());
    }

    private ObjectNode valueSchema(Class<?> record) {
        ObjectNode schema = ((ObjectNode) schemaOf(valueComponent(record).getGenericType())).deepCopy();
        String pattern = VALUE_PATTERNS.get(record);
        if (pattern != null) {
            schema.put("pattern", pattern);
        }
        return schema;
    }

    private static RecordComponent valueComponent(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getAccessor().isAnnotationPresent(JsonValue.class))
                .findFirst().orElse(null);
    }

    private JsonNode definition(Class<?> type, Supplier<ObjectNode> schema) {
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        if (!definitions.containsKey(name)) {
            definitions.put(name, schema.get());
        }
        return nodes.objectNode().put("$ref", "#/$defs/" + name);
    }

    private JsonNode nullable(JsonNode schema) {
        ObjectNode nullable = nodes.objectNode();
        nullable.putArray("anyOf").add(schema).add(simple("null"));
        return nullable;
    }

    private ObjectNode simple(String type) {
        return nodes.objectNode().put("type", type);
    }
}
