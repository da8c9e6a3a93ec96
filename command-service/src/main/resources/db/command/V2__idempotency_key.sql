-- Answers already given to requests that carried an Idempotency-Key, written in the transaction of the events they
-- recorded: a retry either finds the answer or finds nothing was recorded.
create table command.idempotency_key (
    principal    text        not null,
    key          text        not null,
    request_hash text        not null,
    result_type  text        not null,
    result       jsonb       not null,
    recorded_at  timestamptz not null default now(),
    primary key (principal, key)
);
