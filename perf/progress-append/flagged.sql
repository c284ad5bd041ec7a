-- One progress report appended as programme-service did before V7: its revision numbered from the programme's
-- reports, the current one retired, the new one flagged (three statements, one transaction).
\set a random(0, 19)
\set q random(0, 19)
begin;
insert into flagged.progress_report (event_id, plan, programme, agency, quarter, status, percent_complete, summary, risks,
    measures, milestones, client_id, actor, trace_id, recorded_at, revision, current)
values (gen_random_uuid(), 'ip-2021-2025', 'ip-education', 'A' || :a, 'Q' || :q, 'ON_TRACK', 50, '进展', null,
    cast('[]' as jsonb), cast('[]' as jsonb), 'c', 'c', 't', now(),
    (select coalesce(max(revision), 0) + 1 from flagged.progress_report
      where plan = 'ip-2021-2025' and programme = 'ip-education' and agency = 'A' || :a and quarter = 'Q' || :q),
    false)
on conflict (event_id) do nothing
returning event_id \gset
update flagged.progress_report set current = false
 where plan = 'ip-2021-2025' and programme = 'ip-education' and agency = 'A' || :a and quarter = 'Q' || :q and current;
update flagged.progress_report set current = true where event_id = cast(:event_id as uuid);
commit;
