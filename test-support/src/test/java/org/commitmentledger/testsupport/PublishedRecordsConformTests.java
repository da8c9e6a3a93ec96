package org.commitmentledger.testsupport;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedRecordsConformTests {

    private final ContractCheckingInterceptor interceptor = new ContractCheckingInterceptor();
    private final PublishedRecordsConform extension = new PublishedRecordsConform();

    @Test
    void failsTheTestDuringWhichARecordWithoutCloudEventsHeadersWasSent() {
        interceptor.onSend(new ProducerRecord<>("commitment-ledger.commitments.v1", "calexico-east",
                                                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> extension.afterEach(null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("calexico-east")
                .hasMessageContaining("ce_id");
        assertThatCode(() -> extension.afterEach(null)).as("each violation fails one test").doesNotThrowAnyException();
    }
}
