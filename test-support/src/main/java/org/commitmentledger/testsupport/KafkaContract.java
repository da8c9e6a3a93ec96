package org.commitmentledger.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a downstream service may rely on in a record of the ledger's topics (docs/kafka-contract.md), checked on one
 * record as a consumer read it: the CloudEvents 1.0 attributes in Kafka's binary content mode and the ledger's
 * extensions, each once, the key naming the same stream as {@code ce_subject}, and the value valid against the JSON
 * Schema of its {@code ce_type} that the events jar carries. Every test that reads a published record passes it here.
 */
public final class KafkaContract {

    private static final Pattern TYPE = Pattern.compile("org\\.commitmentledger\\.([A-Za-z]+)\\.v([1-9][0-9]*)");
    private static final String SCHEMA_ID_PREFIX = "urn:commitment-ledger:schema:";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("ce_[a-z0-9]{1,20}");
    private static final List<String> REQUIRED_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_subject", "ce_time", "content-type", "ce_effectivedate", "ce_streamsequence", "ce_globalposition");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

    private KafkaContract() {
    }

    /**
     * Fails with every way the record breaks the contract.
     *
     * @param record a record as consumed, its value as bytes or as a UTF-8 string
     * @return the record's value as JSON
     */
    public static JsonNode assertConforms(ConsumerRecord<String, ?> record) {
        List<String> problems = new ArrayList<>();
        Map<String, String> headers = headers(record, problems);
        for (String name : REQUIRED_HEADERS) {
            if (!headers.containsKey(name)) {
                problems.add("no " + name + " header");
            }
        }
        expect(headers, "ce_specversion", "1.0"::equals, "is not 1.0", problems);
        expect(headers, "ce_source", KafkaContract::isUriReference, "is not a URI reference", problems);
        expect(headers, "ce_subject", subject -> subject.equals(record.key()),
               "is not the record's key " + record.key(), problems);
        expect(headers, "ce_time", KafkaContract::isTimestamp, "is not an RFC 3339 timestamp", problems);
        expect(headers, "content-type", "application/json"::equals, "is not application/json", problems);
        expect(headers, "ce_effectivedate", KafkaContract::isDate, "is not a yyyy-MM-dd date", problems);
        expect(headers, "ce_streamsequence", KafkaContract::isPosition, "is not a number from 0", problems);
        expect(headers, "ce_globalposition", KafkaContract::isPosition, "is not a number from 0", problems);
        JsonNode value = value(record, problems);
        String type = headers.get("ce_type");
        if (type != null && value != null) {
            validate(type, value, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " (key " + record.key() + ") breaks the Kafka contract:\n  " + String.join("\n  ", problems));
        }
        return value;
    }

    private static Map<String, String> headers(ConsumerRecord<String, ?> record, List<String> problems) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String name = header.key();
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            if (headers.put(name, value) != null) {
                problems.add(name + " appears more than once");
            }
            if (name.startsWith("ce_") && !ATTRIBUTE_NAME.matcher(name).matches()) {
                problems.add(name + " is not a CloudEvents attribute name (lower-case letters and digits)");
            }
            if (name.startsWith("ce_") && value.isBlank()) {
                problems.add(name + " is empty");
            }
        }
        return headers;
    }

    private static void expect(Map<String, String> headers, String name, Predicate<String> valid, String otherwise,
                               List<String> problems) {
        String value = headers.get(name);
        if (value != null && !valid.test(value)) {
            problems.add(name + " " + value + " " + otherwise);
        }
    }

    private static JsonNode value(ConsumerRecord<String, ?> record, List<String> problems) {
        try {
            if (record.value() instanceof byte[] bytes) {
                return JsonMapper.shared().readTree(bytes);
            }
            if (record.value() instanceof String text) {
                return JsonMapper.shared().readTree(text);
            }
        } catch (JacksonException e) {
            problems.add("the value is not JSON: " + e.getOriginalMessage());
            return null;
        }
        if (record.value() == null) {
            problems.add("no value");
            return null;
        }
        throw new IllegalArgumentException("read values as byte[] or String, not " + record.value().getClass());
    }

    private static void validate(String type, JsonNode value, List<String> problems) {
        Optional<Schema> schema = SCHEMAS.computeIfAbsent(type, KafkaContract::schema);
        if (schema.isEmpty()) {
            problems.add("ce_type " + type + " has no schema in the events jar");
            return;
        }
        for (Error error : schema.get().validate(value)) {
            problems.add("the value does not follow the schema of " + type + ": " + error);
        }
    }

    private static Optional<Schema> schema(String type) {
        Matcher name = TYPE.matcher(type);
        if (!name.matches()) {
            return Optional.empty();
        }
        String resource = "schemas/" + name.group(1) + ".v" + name.group(2) + ".schema.json";
        try (InputStream in = KafkaContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode schema = JsonMapper.shared().readTree(in);
            if (!(SCHEMA_ID_PREFIX + type).equals(schema.path("$id").asString())) {
                throw new IllegalStateException(resource + " does not name " + type + " in its $id");
            }
            return Optional.of(REGISTRY.getSchema(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUriReference(String value) {
        try {
            URI.create(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isPosition(String value) {
        try {
            return Long.parseLong(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
