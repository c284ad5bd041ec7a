-- ObservationReported v2 carries the unit the value is expressed in; v1 rows keep null / false.
alter table observation add column unit text;
alter table observation add column unit_confirmed boolean not null default false;

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
