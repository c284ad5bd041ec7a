-- The plans folded from planwatch.plan-events. Names are unqualified, as in the other scripts.

-- Every published or amended version of every plan: the whole document, as the event carried it. event_id is
-- the projection's idempotency key; (plan, version) can only be taken once.
create table plan_version (
    event_id     uuid primary key,
    plan         text not null,
    version      integer not null,
    kind         text not null check (kind in ('PUBLISHED', 'AMENDED')),
    document     jsonb not null,
    client_id    text,
    actor        text not null,
    trace_id     text,
    recorded_at  timestamptz not null,
    projected_at timestamptz not null default now(),
    unique (plan, version)
);

-- Each plan as it stands: the version in force and whether it is closed.
create table plan (
    id              text primary key,
    version         integer not null,
    version_event_id uuid not null references plan_version (event_id),
    title_zh        text not null,
    title_en        text not null,
    first_year      integer not null,
    target_year     integer not null,
    lead_agency     text not null,
    state           text not null check (state in ('ACTIVE', 'CLOSED')),
    published_at    timestamptz not null,
    closed_event_id uuid unique,
    closed_at       timestamptz,
    closed_by       text,
    close_reason    text
);
