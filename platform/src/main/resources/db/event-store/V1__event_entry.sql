-- The ledger's event log. Rows are only ever inserted: corrections are new events.
create table event_store.event_entry (
    global_index     bigint generated always as identity primary key,
    -- The writing transaction; readers only take rows of transactions older than the oldest one still running,
    -- so an event whose transaction commits late is never skipped (see CommitHorizonToken).
    tx_id            bigint      not null default (pg_current_xact_id()::text::bigint),
    event_id         text        not null,
    stream_type      text,
    stream_id        text        not null,
    sequence_number  bigint      not null,
    payload_type     text        not null,
    payload_revision text,
    payload          jsonb       not null,
    meta_data        jsonb       not null,
    recorded_at      timestamptz not null,
    effective_on     date,
    constraint event_entry_event_id_unique unique (event_id),
    constraint event_entry_stream_sequence_unique unique (stream_id, sequence_number)
);

create index event_entry_tx_window on event_store.event_entry (tx_id, global_index);
create index event_entry_recorded_at on event_store.event_entry (recorded_at);
