-- Commitment status on both time axes. Each row is one version of a commitment's state: valid on the effective
-- axis from valid_from (inclusive) to valid_to (exclusive), and what the ledger said from recorded_from (inclusive)
-- to recorded_to (exclusive). Status at (asOf, knownAt) is an index lookup, not a replay.
drop table query.commitment;

create table query.commitment_version (
    commitment_id text        not null,
    valid_from    date        not null,
    valid_to      date        not null,
    recorded_from timestamptz not null,
    recorded_to   timestamptz not null,
    position      bigint      not null,
    title         text        not null,
    category      text        not null,
    parties       text[]      not null,
    document      text,
    status        text        not null,
    withdrawn     boolean     not null,
    due_by        date,
    made_on       date        not null,
    state         jsonb       not null
);

create index commitment_version_current on query.commitment_version (commitment_id, valid_from)
    where recorded_to = 'infinity';
create index commitment_version_as_of on query.commitment_version (recorded_to, recorded_from, valid_from, valid_to);

-- Every commitment event as recorded, for timelines and histories.
create table query.commitment_event (
    commitment_id text        not null,
    sequence      bigint      not null,
    position      bigint      not null,
    event_id      text        not null,
    event_type    text        not null,
    effective_on  date        not null,
    recorded_at   timestamptz not null,
    principal     text,
    payload       jsonb       not null,
    primary key (commitment_id, sequence)
);
