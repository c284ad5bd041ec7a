-- Names are unqualified: Flyway's default schema (programme) places them, so that the same scripts can
-- build a fresh schema to replay the log into.

-- Every progress report, revisions included. event_id is the idempotency key of the projection: an
-- event delivered twice inserts nothing the second time. seq is log (projection) order.
create table progress_report (
    event_id         uuid primary key,
    seq              bigserial not null unique,
    programme        text not null,
    agency           text not null,
    quarter          text not null,
    status           text not null,
    percent_complete integer not null,
    summary          text,
    risks            text,
    measures         jsonb not null,
    milestones       jsonb not null,
    client_id        text,
    trace_id         text,
    recorded_at      timestamptz not null,
    revision         integer not null,
    current          boolean not null,
    projected_at     timestamptz not null default now()
);

-- At most one current report per programme, agency and quarter.
create unique index progress_report_current on progress_report (programme, agency, quarter) where current;
create index progress_report_by_programme on progress_report (programme, seq);

-- The lifecycle state of each agency's quarterly update: the fold of its events. It is also the row a
-- write locks (FOR UPDATE for submit/accept/return, FOR SHARE for a progress report) while its event
-- is appended, so no transition slips in between the check and the append. OPEN = no event yet.
create table quarterly_update (
    agency             text not null,
    quarter            text not null,
    state              text not null check (state in ('OPEN', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    review_outcome     text check (review_outcome in ('ACCEPTED', 'RETURNED')),
    reviewer           text,
    reviewed_at        timestamptz,
    return_reason      text,
    return_items       jsonb,
    review_event_id    uuid,
    last_event_id      uuid,
    last_recorded_at   timestamptz,
    primary key (agency, quarter)
);

-- Every lifecycle event, once: whichever of the writing request and the projector sees it first
-- records it; the other finds it here and changes nothing.
create table quarterly_update_event (
    event_id    uuid primary key,
    seq         bigserial not null unique,
    kind        text not null check (kind in ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    agency      text not null,
    quarter     text not null,
    reviewer    text,
    reason      text,
    items       jsonb,
    client_id   text,
    trace_id    text,
    recorded_at timestamptz not null,
    projected_at timestamptz not null default now()
);

create index quarterly_update_event_by_agency on quarterly_update_event (agency, seq);

-- Idempotency-Key (IETF draft): the first answer to a client's key, and the fingerprint of the request
-- it answered, so that a retry gets the same answer and a reused key with another body is refused.
create table idempotency_record (
    client_id   text not null,
    key         text not null,
    fingerprint text not null,
    state       text not null check (state in ('PENDING', 'DONE')),
    status      integer,
    answer      text,
    created_at  timestamptz not null default now(),
    primary key (client_id, key)
);
