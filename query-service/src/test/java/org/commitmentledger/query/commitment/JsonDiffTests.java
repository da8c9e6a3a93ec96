package org.commitmentledger.query.commitment;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void namesEachChangedLeafByItsJsonPointer() {
        List<JsonDiff.Change> changes = JsonDiff.between(
                json("{\"status\": \"IN_PROGRESS\", \"latestReport\": {\"summary\": \"Started\", \"reportId\": \"a\"},"
                             + " \"reaffirmations\": 0, \"title\": \"same\"}"),
                json("{\"status\": \"STALLED\", \"latestReport\": {\"summary\": \"Stalled\", \"reportId\": \"a\"},"
                             + " \"reaffirmations\": 1, \"title\": \"same\"}"));

        assertThat(changes).containsExactly(
                new JsonDiff.Change("/status", json("\"IN_PROGRESS\""), json("\"STALLED\"")),
                new JsonDiff.Change("/latestReport/summary", json("\"Started\""), json("\"Stalled\"")),
                new JsonDiff.Change("/reaffirmations", json("0"), json("1")));
    }

    @Test
    void reportsAWholeObjectThatAppearsOrDisappears() {
        assertThat(JsonDiff.between(json("{\"latestReport\": null}"),
                                    json("{\"latestReport\": {\"reportId\": \"a\"}}")))
                .containsExactly(new JsonDiff.Change("/latestReport", NullNode.getInstance(),
                                                     json("{\"reportId\": \"a\"}")));
        assertThat(JsonDiff.between(null, json("{\"id\": \"x\"}")))
                .containsExactly(new JsonDiff.Change("", NullNode.getInstance(), json("{\"id\": \"x\"}")));
    }

    @Test
    void comparesArraysPositionByPosition() {
        assertThat(JsonDiff.between(json("{\"parties\": [\"US\", \"MX\"]}"),
                                    json("{\"parties\": [\"US\", \"GT\", \"HN\"]}")))
                .containsExactly(new JsonDiff.Change("/parties/1", json("\"MX\""), json("\"GT\"")),
                                 new JsonDiff.Change("/parties/2", NullNode.getInstance(), json("\"HN\"")));
    }

    @Test
    void treatsAnAbsentFieldAsNullAndNumbersByValue() {
        assertThat(JsonDiff.between(json("{\"dueBy\": null, \"quantity\": 40000}"), json("{\"quantity\": 40000.0}")))
                .isEmpty();
    }

    @Test
    void escapesSlashesAndTildesInNames() {
        assertThat(JsonDiff.between(json("{\"a/b~c\": 1}"), json("{\"a/b~c\": 2}")))
                .extracting(JsonDiff.Change::path).containsExactly("/a~1b~0c");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
