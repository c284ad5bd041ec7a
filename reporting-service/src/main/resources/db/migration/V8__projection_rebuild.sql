-- Where the last rebuild of each of the service's read models stands, for every instance to answer alike.
create table projection_rebuild (
    projection            text primary key,
    state                 text not null,
    replayed              bigint not null,
    skipped_dead_lettered bigint not null,
    target                bigint not null,
    started_at            timestamptz,
    finished_at           timestamptz,
    started_by            text,
    started_by_client     text,
    error                 text
);
