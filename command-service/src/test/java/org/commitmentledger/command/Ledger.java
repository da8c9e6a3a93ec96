package org.commitmentledger.command;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

/** What the event store holds, read straight from its table: what a test checks after a request. */
public final class Ledger {

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long eventCount() {
        return jdbc.sql("select count(*) from event_store.event_entry").query(Long.class).single();
    }

    public long lastGlobalIndex() {
        return jdbc.sql("select coalesce(max(global_index), 0) from event_store.event_entry").query(Long.class)
                .single();
    }

    public List<String> eventTypes(String stream) {
        return jdbc.sql("select payload_type from event_store.event_entry where stream_id = :stream"
                                + " order by sequence_number")
                .param("stream", stream).query(String.class).list()
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    public List<Map<String, Object>> metadata(String stream) {
        return jdbc.sql("select meta_data->>'principal' as principal, meta_data->>'correlationId' as correlation,"
                                + " meta_data->>'causationId' as causation from event_store.event_entry"
                                + " where stream_id = :stream order by sequence_number")
                .param("stream", stream).query().listOfRows();
    }
}
