-- Every indicator fact the national view has folded in; event_id makes re-delivery a no-op.
-- The full history (not only current values) is kept so the view can be given as of any instant.
create table indicator_fact (
    event_id    uuid primary key,
    seq         bigserial not null unique,
    indicator   text not null,
    period      text not null,
    value       numeric not null,
    agency      text not null,
    client_id   text,
    recorded_at timestamptz not null,
    revision    integer not null,
    current     boolean not null
);
create unique index indicator_fact_current_per_period on indicator_fact (indicator, period) where current;
create index indicator_fact_as_of on indicator_fact (indicator, recorded_at);

-- The live status of each indicator, updated as each fact arrives rather than on each read.
create table indicator_status (
    indicator         text primary key,
    latest_event_id   uuid not null,
    progress          jsonb not null,
    event_ids         uuid[] not null,
    updated_at        timestamptz not null
);

-- How fresh the view is: the newest event folded in, and when.
create table view_freshness (
    id               integer primary key check (id = 1),
    newest_event_at  timestamptz,
    last_applied_at  timestamptz,
    events_applied   bigint not null default 0
);
insert into view_freshness (id) values (1);
