-- Quarters the lead agency accepted, per agency, projected from planwatch.quarterly-update-events.
-- Names are unqualified: Flyway's default schema places them (a fresh schema too, when replaying).
create table quarter_lock (
    agency      text not null,
    quarter     text not null,
    locked      boolean not null,
    event_id    uuid not null,
    recorded_at timestamptz not null,
    primary key (agency, quarter)
);

-- Every acceptance and return applied, once: a redelivered event finds its id here and changes nothing.
create table quarter_lock_event (
    event_id     uuid primary key,
    agency       text not null,
    quarter      text not null,
    locked       boolean not null,
    recorded_at  timestamptz not null,
    projected_at timestamptz not null default now()
);
