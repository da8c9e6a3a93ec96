-- The running instances of each service, each saying so every few seconds, so that they share the segments of their
-- processors (SegmentBalancer): Axon's pooled processors would otherwise all run on the first instance to start.
create table event_store.processor_instance (
    service text        not null,
    owner   text        not null,
    seen_at timestamptz not null,
    primary key (service, owner)
);
