package org.commitmentledger.events.schema;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a later schema of an event revision is backward compatible with an earlier one: it still accepts every
 * message the earlier one accepted, so that a consumer can validate any message ever published under that revision
 * with the latest schema, and it still promises what consumers were promised. Breaking: removing a property, requiring
 * one that was optional or letting one that was required be missing or null (consumers rely on it), dropping a
 * JSON type (null included) or an enum value, closing an open object, and adding or changing a constraint such as a
 * pattern or format. Adding an optional property to a closed object, or an enum value, is not: consumers ignore what
 * they do not know. Understands the keywords {@link SchemaGenerator} writes; any other constraint that changes counts
 * as breaking.
 */
final class SchemaCompatibility {

    private static final Set<String> ALL_TYPES =
            Set.of("null", "boolean", "object", "array", "number", "integer", "string");
    private static final List<String> CONSTRAINTS = List.of("pattern", "format", "const", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
            "uniqueItems", "minProperties", "maxProperties");

    private final JsonNode earlierRoot;
    private final JsonNode laterRoot;
    private final List<String> breakingChanges = new ArrayList<>();

    private SchemaCompatibility(JsonNode earlierRoot, JsonNode laterRoot) {
        this.earlierRoot = earlierRoot;
        this.laterRoot = laterRoot;
    }

    /** What breaks backward compatibility, one line each; empty when nothing does. */
    static List<String> breakingChanges(JsonNode earlier, JsonNode later) {
        SchemaCompatibility check = new SchemaCompatibility(earlier, later);
        check.compare("$", earlier, later);
        return List.copyOf(check.breakingChanges);
    }

    private void compare(String path, JsonNode earlierNode, JsonNode laterNode) {
        Shape earlier = shape(earlierNode, earlierRoot);
        Shape later = shape(laterNode, laterRoot);
        Set<String> dropped = new LinkedHashSet<>(earlier.types());
        dropped.removeAll(later.types());
        if (!dropped.isEmpty()) {
            breakingChanges.add(path + " no longer accepts " + dropped);
        }
        if (earlier.content() == null || later.content() == null) {
            return;
        }
        compareEnums(path, earlier.content(), later.content());
        for (String constraint : CONSTRAINTS) {
            JsonNode now = later.content().get(constraint);
            if (now != null && !now.equals(earlier.content().get(constraint))) {
                breakingChanges.add(path + " has a new " + constraint + " " + now);
            }
        }
        compareObjects(path, earlier.content(), later.content());
        if (earlier.content().has("items") && later.content().has("items")) {
            compare(path + "[]", earlier.content().get("items"), later.content().get("items"));
        } else if (later.content().has("items")) {
            breakingChanges.add(path + " now constrains its items");
        }
    }

    private void compareEnums(String path, JsonNode earlier, JsonNode later) {
        if (!later.has("enum")) {
            return;
        }
        if (!earlier.has("enum")) {
            breakingChanges.add(path + " now only accepts " + later.get("enum"));
            return;
        }
        Set<JsonNode> accepted = new LinkedHashSet<>();
        later.get("enum").forEach(accepted::add);
        earlier.get("enum").forEach(value -> {
            if (!accepted.contains(value)) {
                breakingChanges.add(path + " no longer accepts the value " + value);
            }
        });
    }

    private void compareObjects(String path, JsonNode earlier, JsonNode later) {
        JsonNode earlierProperties = earlier.path("properties");
        JsonNode laterProperties = later.path("properties");
        for (String name : earlierProperties.propertyNames()) {
            if (laterProperties.has(name)) {
                compare(path + "." + name, earlierProperties.get(name), laterProperties.get(name));
            } else {
                breakingChanges.add(path + "." + name + " was removed");
            }
        }
        Set<String> wasRequired = names(earlier.path("required"));
        Set<String> isRequired = names(later.path("required"));
        for (String name : isRequired) {
            if (!wasRequired.contains(name)) {
                breakingChanges.add(path + "." + name + " is newly required");
            }
        }
        for (String name : wasRequired) {
            if (!laterProperties.has(name)) {
                continue;
            }
            if (!isRequired.contains(name)) {
                breakingChanges.add(path + "." + name + " is no longer required");
            } else if (shape(laterProperties.get(name), laterRoot).types().contains("null")
                    && !shape(earlierProperties.get(name), earlierRoot).types().contains("null")) {
                breakingChanges.add(path + "." + name + " may now be null");
            }
        }
        boolean wasClosed = earlier.path("additionalProperties").isBoolean()
                && !earlier.get("additionalProperties").asBoolean();
        boolean isClosed = later.path("additionalProperties").isBoolean()
                && !later.get("additionalProperties").asBoolean();
        if (isClosed && !wasClosed) {
            breakingChanges.add(path + " no longer accepts properties it does not name");
        }
        if (!wasClosed) {
            for (String name : laterProperties.propertyNames()) {
                if (!earlierProperties.has(name)) {
                    breakingChanges.add(path + "." + name + " was added to an open object, which accepted any value");
                }
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    /** The JSON types a schema accepts, and the schema that constrains its non-null values. */
    private record Shape(Set<String> types, JsonNode content) {
    }

    private static Shape shape(JsonNode schema, JsonNode root) {
        if (schema.has("$ref")) {
            return shape(resolve(schema.get("$ref").asString(), root), root);
        }
        if (schema.has("anyOf")) {
            Set<String> types = new LinkedHashSet<>();
            JsonNode content = null;
            for (JsonNode branch : schema.get("anyOf")) {
                Shape shape = shape(branch, root);
                types.addAll(shape.types());
                if (shape.content() != null) {
                    if (content != null) {
                        throw new IllegalArgumentException("anyOf is understood only as [schema, null]: " + schema);
                    }
                    content = shape.content();
                }
            }
            return new Shape(types, content);
        }
        JsonNode type = schema.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type == null) {
            types.addAll(ALL_TYPES);
        } else if (type.isArray()) {
            type.forEach(name -> types.add(name.asString()));
        } else {
            types.add(type.asString());
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return new Shape(types, types.equals(Set.of("null")) ? null : schema);
    }

    private static JsonNode resolve(String reference, JsonNode root) {
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("only local references are understood: " + reference);
        }
        JsonNode target = root.at(reference.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + reference);
        }
        return target;
    }
}
