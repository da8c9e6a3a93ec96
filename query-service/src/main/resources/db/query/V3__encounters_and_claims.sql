-- CBP counts on both axes: a count holds from the moment it was recorded until a later release superseded it.
create table query.encounter_count (
    series_key         text        not null,
    component          text,
    demographic        text,
    citizenship        text,
    title_of_authority text,
    encounter_type     text,
    period             date        not null,
    count              bigint      not null,
    release            text        not null,
    recorded_from      timestamptz not null,
    recorded_to        timestamptz not null default 'infinity',
    position           bigint      not null
);

create index encounter_count_current on query.encounter_count (series_key, period) where recorded_to = 'infinity';
create index encounter_count_as_of on query.encounter_count (period, recorded_to, recorded_from);
create index encounter_count_release on query.encounter_count (release, period);

-- Claims as recorded; their verdicts are computed when read, against the figures known at that point.
create table query.claim (
    claim_id    text        primary key,
    claimed_on  date        not null,
    recorded_at timestamptz not null,
    position    bigint      not null,
    claim       jsonb       not null
);
