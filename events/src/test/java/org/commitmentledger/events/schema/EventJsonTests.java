package org.commitmentledger.events.schema;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.commitmentledger.events.CommitmentMade;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The schemas against the JSON that Axon's Jackson 3 serializer writes, as the services store and publish events. */
class EventJsonTests {

    private static final Serializer AXON = Jackson3Serializer.builder().build();

    @TestFactory
    Stream<DynamicTest> everyEventAsJacksonWritesItValidatesAgainstItsSchema() {
        return EventType.all().stream().flatMap(event -> Stream.of(
                dynamicTest(event.name() + " with every component", () -> assertConforms(
                        event, Samples.fullest(event.type()))),
                dynamicTest(event.name() + " with only its required components", () -> assertConforms(
                        event, Samples.emptiest(event.type())))));
    }

    @TestFactory
    Stream<DynamicTest> everyEventReadsBackFromItsJson() {
        return EventType.all().stream().map(event -> dynamicTest(event.name(), () -> {
            Object sample = Samples.fullest(event.type());

            assertThat((Object) AXON.deserialize(AXON.serialize(sample, byte[].class))).isEqualTo(sample);
        }));
    }

    @Test
    void aMessageWithoutARequiredPropertyOrWithItNullIsInvalid() {
        ObjectNode missing = commitmentMade();
        missing.remove("commitmentId");
        ObjectNode nullTitle = commitmentMade();
        nullTitle.putNull("title");

        assertThat(errors(missing)).singleElement().asString().contains("commitmentId");
        assertThat(errors(nullTitle)).singleElement().asString().contains("title");
    }

    @Test
    void aMessageWithAPropertyTheSchemaDoesNotNameIsInvalid() {
        ObjectNode unknown = commitmentMade();
        unknown.put("priority", "high");

        assertThat(errors(unknown)).singleElement().asString().contains("priority");
    }

    @Test
    void aMessageWithADateOrValueOfAnotherShapeIsInvalid() {
        ObjectNode date = commitmentMade();
        date.put("madeOn", "2019-02-30");
        ObjectNode category = commitmentMade();
        category.put("category", "enforcement");
        ObjectNode party = commitmentMade();
        party.putArray("parties").add("Mexico");

        assertThat(errors(date)).singleElement().asString().contains("madeOn");
        assertThat(errors(category)).singleElement().asString().contains("category");
        assertThat(errors(party)).singleElement().asString().contains("parties");
    }

    private static void assertConforms(EventType event, Object sample) {
        JsonNode json = json(sample);

        assertThat(SchemaValidation.errors(SchemaFiles.read(SchemaFiles.PUBLISHED.resolve(event.fileName())), json))
                .as("%s against %s", json, event.fileName())
                .isEmpty();
    }

    private static ObjectNode commitmentMade() {
        return (ObjectNode) json(Samples.fullest(CommitmentMade.class));
    }

    private static JsonNode json(Object event) {
        return JsonMapper.shared().readTree(AXON.serialize(event, byte[].class).getData());
    }

    private static List<String> errors(JsonNode json) {
        EventType made = new EventType(CommitmentMade.class);
        return SchemaValidation.errors(SchemaFiles.read(SchemaFiles.PUBLISHED.resolve(made.fileName())), json);
    }
}
