-- Every step of every agency's quarterly update (submitted, accepted, returned), for the compliance matrix
-- as of any instant; event_id makes re-delivery a no-op.
create table quarterly_update_fact (
    event_id    uuid primary key,
    seq         bigserial not null unique,
    agency      text not null,
    quarter     text not null,
    kind        text not null check (kind in ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    reviewer    text,
    reason      text,
    items       text[] not null default '{}',
    client_id   text,
    recorded_at timestamptz not null,
    -- 1, 2, … per agency and quarter
    step        integer not null
);
create index quarterly_update_fact_as_of on quarterly_update_fact (agency, quarter, recorded_at);
create index quarterly_update_fact_quarter on quarterly_update_fact (quarter);

-- The live lifecycle of each agency's update for each quarter, folded as each step arrives. What it means
-- for compliance (due, overdue, late) depends on the clock, so that is decided when the view is read.
create table quarterly_update_state (
    agency             text not null,
    quarter            text not null,
    stage              text not null check (stage in ('OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    last_event_id      uuid,
    last_recorded_at   timestamptz,
    event_ids          uuid[] not null,
    primary key (agency, quarter)
);
