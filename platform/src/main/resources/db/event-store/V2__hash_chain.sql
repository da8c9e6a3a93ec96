-- Tamper evidence. Each event's hash covers a canonical text of the event and the hash of the previous event of its
-- stream, so changing or removing a row breaks its stream's chain; checkpoints chain digests over the whole log, so a
-- row cannot be dropped from the end of a stream or re-hashed unnoticed by anyone who kept a checkpoint digest.
-- The canonical text is rebuilt independently by the verifier (EventLogVerifier); both must stay in step.
create function event_store.canonical_event(event event_store.event_entry) returns text
    language sql stable strict as $$
    select concat_ws(E'\n',
                     event.event_id,
                     event.stream_id,
                     event.sequence_number::text,
                     event.payload_type,
                     coalesce(event.payload_revision, ''),
                     to_char(event.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                     coalesce(event.effective_on::text, ''),
                     event.payload::text,
                     event.meta_data::text)
$$;

alter table event_store.event_entry add column hash bytea;

create function event_store.chain_event() returns trigger
    language plpgsql as $$
declare
    previous bytea;
begin
    if new.sequence_number > 0 then
        select hash into previous from event_store.event_entry
         where stream_id = new.stream_id and sequence_number = new.sequence_number - 1;
    end if;
    new.hash := sha256(coalesce(previous, ''::bytea) || convert_to(event_store.canonical_event(new), 'UTF8'));
    return new;
end
$$;

-- Events recorded before the chain existed get their hashes in stream order, as if they had been chained at append.
do $$
declare
    event event_store.event_entry;
    previous bytea;
    previous_stream text;
begin
    for event in select * from event_store.event_entry order by stream_id, sequence_number loop
        if previous_stream is distinct from event.stream_id then
            previous := null;
        end if;
        previous := sha256(coalesce(previous, ''::bytea) || convert_to(event_store.canonical_event(event), 'UTF8'));
        update event_store.event_entry set hash = previous where global_index = event.global_index;
        previous_stream := event.stream_id;
    end loop;
end
$$;

alter table event_store.event_entry alter column hash set not null;

create trigger event_entry_chain before insert on event_store.event_entry
    for each row execute function event_store.chain_event();

-- Checkpoint n digests, on top of checkpoint n-1, the hashes of every event whose transaction id lies in
-- [previous horizon, horizon), in (tx_id, global_index) order: rows below a horizon are final, so a checkpoint never
-- has to change when a late transaction commits.
create table event_store.checkpoint (
    number        bigint      primary key,
    horizon       bigint      not null,
    event_count   bigint      not null,
    last_position bigint      not null,
    digest        bytea       not null,
    recorded_at   timestamptz not null default now(),
    constraint checkpoint_horizon_grows unique (horizon)
);

-- The log is append-only. This stops mistakes, not an attacker with the rights to drop it; the chains and checkpoints
-- are what detect the latter.
create function event_store.refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'the event log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger event_entry_append_only before update or delete or truncate on event_store.event_entry
    for each statement execute function event_store.refuse_change();
