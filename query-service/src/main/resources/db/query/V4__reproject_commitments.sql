-- Versions written before this release have recorded instants cut to the millisecond (so an event counted up to a
-- millisecond before it was recorded) and end on 9999-12-31 instead of 'infinity' (so a read as of that day found
-- nothing). Emptying the tables and the processor's token makes the projection build them again from the log.
truncate query.commitment_version, query.commitment_event;
delete from query.token_entry where processor_name = 'commitment-status';
