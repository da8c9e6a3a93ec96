-- The same chain as V2, computed faster: the canonical text is built inline (a SQL function called once per row cost
-- more than the rest of the trigger), so bulk imports are not held back by the trigger. canonical_event stays the
-- reference for the text, and EventLogVerifier rebuilds it on its own.
create or replace function event_store.chain_event() returns trigger
    language plpgsql as $$
declare
    previous bytea;
begin
    if new.sequence_number > 0 then
        select hash into previous from event_store.event_entry
         where stream_id = new.stream_id and sequence_number = new.sequence_number - 1;
    end if;
    new.hash := sha256(coalesce(previous, ''::bytea) || convert_to(concat_ws(E'\n',
                       new.event_id,
                       new.stream_id,
                       new.sequence_number::text,
                       new.payload_type,
                       coalesce(new.payload_revision, ''),
                       to_char(new.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       coalesce(new.effective_on::text, ''),
                       new.payload::text,
                       new.meta_data::text), 'UTF8'));
    return new;
end
$$;
