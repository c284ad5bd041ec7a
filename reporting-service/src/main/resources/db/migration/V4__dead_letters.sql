-- Every record that reached a <topic>.dlt, recorded by the dead-letter listener; id is derived from the
-- dead-letter record's topic/partition/offset, so a redelivered dead letter is recorded once.
create table dead_letter (
    id                 uuid primary key,
    dlt_topic          text not null,
    dlt_partition      integer not null,
    dlt_offset         bigint not null,
    original_topic     text not null,
    original_partition integer,
    original_offset    bigint,
    -- the consumer group whose listener gave up on it
    failed_group       text,
    record_key         bytea,
    -- the original bytes, re-published as they are by a replay
    record_value       bytea,
    -- [{"name", "value" (base64, null for a null value)}], in record order, without kafka_dlt-* bookkeeping
    headers            jsonb not null,
    event_type         text,
    event_id           text,
    exception          text,
    exception_cause    text,
    exception_message  text,
    -- the innermost "Caused by:" of the stack trace, which the dead-letter publisher keeps only in full
    exception_root_cause text,
    first_failure_at   timestamptz not null,
    dead_lettered_at   timestamptz not null,
    attempts           integer,
    state              text not null default 'NEW' check (state in ('NEW', 'REPLAYED')),
    replayed_at        timestamptz,
    replayed_by        text
);
create index dead_letter_newest on dead_letter (dead_lettered_at desc, dlt_offset desc);
create index dead_letter_waiting on dead_letter (state) where state = 'NEW';
