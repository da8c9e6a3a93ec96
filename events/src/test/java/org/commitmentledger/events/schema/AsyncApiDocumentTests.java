package org.commitmentledger.events.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/asyncapi.yaml against the committed schemas and the topics the publisher writes to. */
class AsyncApiDocumentTests {

    private static final Path REPOSITORY = SchemaFiles.MODULE.toAbsolutePath().normalize().getParent();
    private static final Path DOCUMENT = REPOSITORY.resolve("docs/asyncapi.yaml");
    private static final String PREFIX_PARAMETER = "{topicPrefix}";
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"(commitment-ledger\\.[a-z0-9-]+\\.v[0-9]+)\"");

    private final JsonNode asyncApi = YAMLMapper.builder().build().readTree(DOCUMENT.toFile());

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asString()).startsWith("3.0.");
    }

    @Test
    void describesEveryCommittedSchemaAsTheMessageOfItsCloudEventsType() {
        Map<String, Path> documented = new TreeMap<>();
        for (JsonNode message : asyncApi.path("components").path("messages")) {
            String type = message.path("headers").path("allOf").path(1).path("properties").path("ce_type")
                    .path("const").asString();
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asString())
                    .isEqualTo("application/schema+json;version=draft-2020-12");
            documented.put(type, DOCUMENT.getParent().resolve(payload.path("schema").path("$ref").asString())
                    .normalize());
        }
        Map<String, Path> committed = new TreeMap<>();
        for (Path schema : SchemaFiles.list(SchemaFiles.PUBLISHED)) {
            String id = SchemaFiles.read(schema).path("$id").asString();
            committed.put(id.substring(EventType.SCHEMA_ID_PREFIX.length()), schema.toAbsolutePath().normalize());
        }

        assertThat(documented).as("ce_type and payload schema of each message in %s", DOCUMENT)
                .containsExactlyEntriesOf(committed);
    }

    @Test
    void putsEveryMessageOnAChannel() {
        List<String> onChannels = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages")
                .forEach(message -> onChannels.add(message.path("$ref").asString())));

        assertThat(onChannels).containsExactlyInAnyOrderElementsOf(
                asyncApi.path("components").path("messages").propertyNames().stream()
                        .map(name -> "#/components/messages/" + name).toList());
    }

    /**
     * The publisher lives in command-service, which this module cannot depend on; its topic names are read from its
     * sources so that a topic added there cannot go undocumented here.
     */
    @Test
    void namesEveryTopicThePublisherWritesTo() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String address = channel.path("address").asString();
            assertThat(address).startsWith(PREFIX_PARAMETER);
            documented.add(address.substring(PREFIX_PARAMETER.length()));
        });
        TreeSet<String> published = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(REPOSITORY.resolve("command-service/src/main/java"))) {
            sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher topic = TOPIC_LITERAL.matcher(read(file));
                while (topic.find()) {
                    published.add(topic.group(1));
                }
            });
        }

        assertThat(published).isNotEmpty();
        assertThat(documented).as("topics in %s", DOCUMENT).isEqualTo(published);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
