package org.commitmentledger.command.publishing;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedType;
import org.commitmentledger.events.LedgerEvent;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * CloudEvents 1.0 attributes in Kafka's binary content mode: one {@code ce_} header per attribute, the event's JSON as
 * the record value. Extensions carry what a ledger consumer needs beyond the core attributes.
 */
final class CloudEventHeaders {

    static final String SOURCE = "/commitment-ledger/command-service";
    static final String TYPE_PREFIX = "org.commitmentledger.";

    private CloudEventHeaders() {
    }

    static List<Header> of(EventMessage<?> message, SerializedType payloadType, OptionalLong globalPosition) {
        LedgerEvent event = (LedgerEvent) message.getPayload();
        List<Header> headers = new ArrayList<>();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", message.getIdentifier());
        add(headers, "ce_type", type(message.getPayloadType(), payloadType.getRevision()));
        add(headers, "ce_source", SOURCE);
        add(headers, "ce_subject", event.streamId());
        add(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()));
        add(headers, "content-type", "application/json");
        add(headers, "ce_effectivedate", event.effectiveOn().toString());
        if (message instanceof DomainEventMessage<?> domainEvent) {
            add(headers, "ce_streamsequence", Long.toString(domainEvent.getSequenceNumber()));
        }
        globalPosition.ifPresent(position -> add(headers, "ce_globalposition", Long.toString(position)));
        Object correlationId = message.getMetaData().get("correlationId");
        if (correlationId != null) {
            add(headers, "ce_correlationid", correlationId.toString());
        }
        return headers;
    }

    static String type(Class<?> payloadClass, String revision) {
        return TYPE_PREFIX + payloadClass.getSimpleName() + ".v" + (revision == null ? "1" : revision);
    }

    private static void add(List<Header> headers, String key, String value) {
        headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
