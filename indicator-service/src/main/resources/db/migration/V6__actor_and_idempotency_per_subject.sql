-- Who acted through the client: the token's subject (the person who logged in, or the client itself).
-- Reports recorded before it was kept were made by their client acting for itself.
alter table observation add column actor text;
update observation set actor = client_id;

-- An Idempotency-Key belongs to one caller, (client, subject): another caller's key with the same text
-- neither replays this caller's answer nor blocks it. Keys recorded so far were their client's own.
alter table idempotency_record add column subject text;
update idempotency_record set subject = client_id;
alter table idempotency_record alter column subject set not null;
alter table idempotency_record drop constraint idempotency_record_pkey;
alter table idempotency_record add primary key (client_id, subject, key);
-- Records expire: the purge finds the ones last claimed before the retention.
create index idempotency_record_by_claimed_at on idempotency_record (claimed_at);
