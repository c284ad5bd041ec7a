-- Every programme progress report the national view has folded in, revisions included, so the view can be
-- given as of any instant; event_id makes re-delivery a no-op.
create table progress_fact (
    event_id         uuid primary key,
    -- arrival order; reports of one programme share a partition, so this is their log order
    seq              bigserial not null unique,
    programme        text not null,
    quarter          text not null,
    agency           text not null,
    client_id        text,
    status           text not null,
    percent_complete integer not null,
    -- [{"code", "value"}], cumulative values in each milestone's own unit
    milestones       jsonb not null,
    recorded_at      timestamptz not null,
    -- 1, 2, … per programme, agency and quarter
    revision         integer not null,
    current          boolean not null
);
create unique index progress_fact_current on progress_fact (programme, agency, quarter) where current;
create index progress_fact_as_of on progress_fact (programme, recorded_at);

-- The live roll-up of each programme (lead, worst participant, milestones), updated as each report arrives.
create table programme_standing (
    programme  text primary key,
    standing   jsonb not null,
    event_ids  uuid[] not null,
    updated_at timestamptz not null
);
