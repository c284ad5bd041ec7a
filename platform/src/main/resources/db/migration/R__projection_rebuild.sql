-- Every service that uses the platform keeps, in its own schema, where the last rebuild of each of its read models
-- stands (ProjectionRebuilds), for every instance to answer alike. A repeatable migration, shipped with the platform
-- so that each service's migrations pick it up; "if not exists", so that running it again changes nothing.
create table if not exists projection_rebuild (
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
