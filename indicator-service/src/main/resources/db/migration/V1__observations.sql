-- Every indicator report, revisions included. event_id is the idempotency key of the projection:
-- an event delivered twice inserts nothing the second time.
create table observation (
    event_id     uuid primary key,
    seq          bigserial not null unique,
    indicator    text not null,
    period       text not null,
    value        numeric not null,
    comment      text,
    source       text,
    agency       text not null,
    client_id    text,
    trace_id     text,
    recorded_at  timestamptz not null,
    revision     integer not null,
    current      boolean not null,
    projected_at timestamptz not null default now()
);

-- At most one current value per indicator and period.
create unique index observation_current_per_period on observation (indicator, period) where current;
create index observation_by_indicator on observation (indicator, seq);
