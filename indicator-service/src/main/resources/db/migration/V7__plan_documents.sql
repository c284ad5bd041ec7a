-- The documents of every plan's published and amended versions, folded from planwatch.plan-events, so that the
-- indicators of any plan can be served. event_id is the projection's idempotency key: a redelivered event finds it
-- here and changes nothing. Names are unqualified: Flyway's default schema places them.
create table plan_document (
    event_id     uuid primary key,
    plan         text not null,
    version      integer not null,
    document     jsonb not null,
    recorded_at  timestamptz not null,
    projected_at timestamptz not null default now(),
    unique (plan, version)
);
