-- Positions of this service's streaming processors (the Kafka publisher), written in the transaction of the work
-- they acknowledge.
create table command.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
