package org.commitmentledger.query.commitment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field-level changes between two JSON documents: each leaf (or whole object or array, where only one side has
 * one) that differs, named by its JSON pointer (RFC 6901). An absent field and a null are the same: no value.
 */
final class JsonDiff {

    record Change(String path, JsonNode before, JsonNode after) {
    }

    private JsonDiff() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        compare("", valueOf(before), valueOf(after), changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compare(path + "/" + escape(name), valueOf(before.get(name)), valueOf(after.get(name)), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "/" + i, valueOf(before.get(i)), valueOf(after.get(i)), changes);
            }
        } else if (!same(before, after)) {
            changes.add(new Change(path, before, after));
        }
    }

    /** Numbers compare by value: a quantity read back as 40000.0 has not changed from 40000. */
    private static boolean same(JsonNode before, JsonNode after) {
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    private static JsonNode valueOf(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
