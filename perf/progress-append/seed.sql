-- :rows reports of one programme (20 agencies x 20 quarters, rows/400 revisions each), in both schemas.
truncate flagged.progress_report, pointer.progress_report, pointer.current_progress_report;
insert into flagged.progress_report (event_id, plan, programme, agency, quarter, status, percent_complete, summary,
    measures, milestones, client_id, actor, trace_id, recorded_at, revision, current)
select gen_random_uuid(), 'ip-2021-2025', 'ip-education', 'A' || (i % 20), 'Q' || ((i / 20) % 20), 'ON_TRACK', 50,
       '进展', '[]', '[]', 'c', 'c', 't', now(), i / 400 + 1, i / 400 = :rows / 400 - 1
  from generate_series(0, :rows - 1) i;
insert into pointer.progress_report (event_id, plan, programme, agency, quarter, status, percent_complete, summary,
    measures, milestones, client_id, actor, trace_id, recorded_at, revision)
select gen_random_uuid(), 'ip-2021-2025', 'ip-education', 'A' || (i % 20), 'Q' || ((i / 20) % 20), 'ON_TRACK', 50,
       '进展', '[]', '[]', 'c', 'c', 't', now(), i / 400 + 1
  from generate_series(0, :rows - 1) i;
insert into pointer.current_progress_report (plan, programme, agency, quarter, event_id, revision)
select distinct on (plan, programme, agency, quarter) plan, programme, agency, quarter, event_id, revision
  from pointer.progress_report order by plan, programme, agency, quarter, revision desc;
vacuum analyze flagged.progress_report;
vacuum analyze pointer.progress_report;
vacuum analyze pointer.current_progress_report;
