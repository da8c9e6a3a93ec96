-- Readers in other processes learn of appends without polling: a transaction that appends notifies once, when it
-- commits, with its id (PostgreSQL folds a transaction's identical notifications into one). A notification only says
-- "look again"; what a reader takes is still decided by its token. Per statement, so a bulk insert costs one call.
create function event_store.notify_appended() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('event_store_appended', pg_current_xact_id()::text);
    return null;
end
$$;

create trigger event_entry_notify after insert on event_store.event_entry
    for each statement execute function event_store.notify_appended();
