package org.commitmentledger.command.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.commitmentledger.events.LedgerEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/** One recorded event as a Kafka record: the same key, value and headers whether published live or republished. */
@Component
class LedgerRecords {

    private final Serializer serializer;

    LedgerRecords(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    ProducerRecord<String, byte[]> of(EventMessage<?> message, OptionalLong globalPosition, String topicPrefix) {
        LedgerEvent event = (LedgerEvent) message.getPayload();
        SerializedObject<byte[]> value = message.serializePayload(serializer, byte[].class);
        return new ProducerRecord<>(Topics.topicFor(event, topicPrefix), null, event.streamId(), value.getData(),
                                    CloudEventHeaders.of(message, value.getType(), globalPosition));
    }
}
