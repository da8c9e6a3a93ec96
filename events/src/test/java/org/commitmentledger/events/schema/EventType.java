package org.commitmentledger.events.schema;

import org.axonframework.serialization.Revision;
import org.commitmentledger.events.LedgerEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A concrete event record at its current revision, and the names its CloudEvents type and schema go by. */
record EventType(Class<? extends LedgerEvent> type) {

    static final String CE_TYPE_PREFIX = "org.commitmentledger.";
    static final String SCHEMA_ID_PREFIX = "urn:commitment-ledger:schema:";

    /** Every event the sealed hierarchy permits, so that a new event cannot go without a schema. */
    static List<EventType> all() {
        List<EventType> all = new ArrayList<>();
        collect(LedgerEvent.class, all);
        all.sort(Comparator.comparing(EventType::name));
        return List.copyOf(all);
    }

    private static void collect(Class<?> type, List<EventType> into) {
        if (type.isRecord()) {
            into.add(new EventType(type.asSubclass(LedgerEvent.class)));
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collect(permitted, into);
        }
    }

    String name() {
        return type.getSimpleName();
    }

    String revision() {
        return type.getAnnotation(Revision.class).value();
    }

    /** As the publisher writes it in {@code ce_type}. */
    String ceType() {
        return CE_TYPE_PREFIX + name() + ".v" + revision();
    }

    String schemaId() {
        return SCHEMA_ID_PREFIX + ceType();
    }

    String fileName() {
        return fileName(name(), revision());
    }

    static String fileName(String event, String revision) {
        return event + ".v" + revision + ".schema.json";
    }
}
