package org.commitmentledger.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaContractTests {

    private static final String REAFFIRMED = """
            {"commitmentId": "mx-national-guard", "effectiveOn": "2023-12-28",
             "source": {"document": "002_a239a9f9aea001a8.txt", "title": null, "publishedOn": null, "url": null,
                        "locator": "paragraph 2"},
             "reason": null}""";

    @Test
    void aRecordAsThePublisherWritesItConformsAndComesBackAsJson() {
        ConsumerRecord<String, byte[]> record = record("mx-national-guard", REAFFIRMED);

        assertThat(KafkaContract.assertConforms(record).get("effectiveOn").asString()).isEqualTo("2023-12-28");
    }

    @Test
    void aValueStringIsReadAsWell() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("commitment-ledger.commitments.v1", 0, 7,
                                                                     "mx-national-guard", REAFFIRMED);
        record("mx-national-guard", REAFFIRMED).headers().forEach(record.headers()::add);

        assertThat(KafkaContract.assertConforms(record).get("commitmentId").asString())
                .isEqualTo("mx-national-guard");
    }

    @Test
    void namesEveryMissingOrMalformedHeader() {
        ConsumerRecord<String, byte[]> record = record("mx-national-guard", REAFFIRMED);
        record.headers().remove("ce_id").remove("ce_time").remove("ce_specversion")
                .add("ce_specversion", bytes("0.3")).add("ce_time", bytes("28/12/2023"))
                .add("ce_Extension", bytes("x"));

        assertThatThrownBy(() -> KafkaContract.assertConforms(record))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no ce_id header")
                .hasMessageContaining("ce_specversion 0.3 is not 1.0")
                .hasMessageContaining("ce_time 28/12/2023 is not an RFC 3339 timestamp")
                .hasMessageContaining("ce_Extension is not a CloudEvents attribute name");
    }

    @Test
    void refusesASubjectOtherThanTheKeyAndARepeatedHeader() {
        ConsumerRecord<String, byte[]> record = record("another-commitment", REAFFIRMED);
        record.headers().add("ce_id", bytes("a-second-id"));

        assertThatThrownBy(() -> KafkaContract.assertConforms(record))
                .hasMessageContaining("ce_subject mx-national-guard is not the record's key another-commitment")
                .hasMessageContaining("ce_id appears more than once");
    }

    @Test
    void refusesAValueThatDoesNotFollowTheSchemaOfItsType() {
        ConsumerRecord<String, byte[]> record = record("mx-national-guard",
                                                       REAFFIRMED.replace("\"2023-12-28\"", "\"28 December 2023\""));

        assertThatThrownBy(() -> KafkaContract.assertConforms(record))
                .hasMessageContaining("the value does not follow the schema of "
                                              + "org.commitmentledger.CommitmentReaffirmed.v1")
                .hasMessageContaining("effectiveOn");
    }

    @Test
    void refusesATypeWithoutASchema() {
        ConsumerRecord<String, byte[]> record = record("mx-national-guard", REAFFIRMED);
        record.headers().remove("ce_type").add("ce_type", bytes("org.commitmentledger.CommitmentReaffirmed.v9"));

        assertThatThrownBy(() -> KafkaContract.assertConforms(record))
                .hasMessageContaining("ce_type org.commitmentledger.CommitmentReaffirmed.v9 has no schema");
    }

    private static ConsumerRecord<String, byte[]> record(String key, String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("commitment-ledger.commitments.v1", 0, 7, key,
                                                                     bytes(value));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes("5f0c3d1e-8a4b-4c2e-9f1a-2b3c4d5e6f70"))
                .add("ce_type", bytes("org.commitmentledger.CommitmentReaffirmed.v1"))
                .add("ce_source", bytes("/commitment-ledger/command-service"))
                .add("ce_subject", bytes("mx-national-guard"))
                .add("ce_time", bytes("2024-01-02T03:04:05.678Z"))
                .add("content-type", bytes("application/json"))
                .add("ce_effectivedate", bytes("2023-12-28"))
                .add("ce_streamsequence", bytes("1"))
                .add("ce_globalposition", bytes("42"));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
