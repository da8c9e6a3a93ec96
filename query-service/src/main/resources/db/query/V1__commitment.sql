create table query.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table query.commitment (
    id              text primary key,
    title           text        not null,
    description     text,
    parties         text[]      not null,
    category        text        not null,
    made_on         date        not null,
    target_quantity numeric,
    target_unit     text,
    due_by          date,
    source          jsonb       not null,
    version         bigint      not null,
    recorded_at     timestamptz not null
);
