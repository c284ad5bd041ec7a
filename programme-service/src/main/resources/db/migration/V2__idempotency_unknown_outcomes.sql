-- A claimed Idempotency-Key fixes the id of the event its write appends, so that a resend after an
-- unknown outcome appends the same event id again (applied once by every read model). UNCERTAIN: the
-- write failed in a way that may have left its event in the log; the next resend settles it.
alter table idempotency_record add column event_id uuid;
alter table idempotency_record add column claimed_at timestamptz;
update idempotency_record set event_id = gen_random_uuid(), claimed_at = created_at;
alter table idempotency_record alter column event_id set not null;
alter table idempotency_record alter column claimed_at set not null;
alter table idempotency_record drop constraint idempotency_record_state_check;
alter table idempotency_record add constraint idempotency_record_state_check
    check (state in ('PENDING', 'UNCERTAIN', 'DONE'));
