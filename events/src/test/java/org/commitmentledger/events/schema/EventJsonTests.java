package org.commitmentledger.events.schema;

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

/** The schemas against the JSON Jackson actually writes, with the defaults the services' event serializer keeps. */
class EventJsonTests {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

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

            assertThat(JACKSON.readValue(JACKSON.writeValueAsString(sample), event.type())).isEqualTo(sample);
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
        JsonNode json = JACKSON.valueToTree(sample);

        assertThat(SchemaValidation.errors(SchemaFiles.read(SchemaFiles.PUBLISHED.resolve(event.fileName())), json))
                .as("%s against %s", json, event.fileName())
                .isEmpty();
    }

    private static ObjectNode commitmentMade() {
        return JACKSON.valueToTree(Samples.fullest(CommitmentMade.class));
    }

    private static List<String> errors(JsonNode json) {
        EventType made = new EventType(CommitmentMade.class);
        return SchemaValidation.errors(SchemaFiles.read(SchemaFiles.PUBLISHED.resolve(made.fileName())), json);
    }
}
