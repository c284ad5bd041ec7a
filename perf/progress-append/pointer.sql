-- One progress report appended as programme-service does since V7: ReportRevisions.appendKeepingCurrent for a batch
-- of one, as JdbcProgressStore runs it (the arrays bound there are literals here).
\set a random(0, 19)
\set q random(0, 19)
begin;
with appended as (
    insert into pointer.progress_report (event_id, plan, programme, agency, quarter, status, percent_complete, summary, risks,
        measures, milestones, client_id, actor, trace_id, recorded_at, revision)
    select f.event_id, f.plan, f.programme, f.agency, f.quarter, f.status, f.percent_complete, f.summary, f.risks,
           f.measures, f.milestones, f.client_id, f.actor, f.trace_id, f.recorded_at,
           coalesce(c.revision, 0) + row_number() over (partition by f.plan, f.programme, f.agency, f.quarter order by f.n)
      from (select distinct on (b.event_id) b.* from
              unnest(array[gen_random_uuid()], cast(array['ip-2021-2025'] as text[]), cast(array['ip-education'] as text[]),
                     cast(array['A' || :a] as text[]), cast(array['Q' || :q] as text[]), cast(array['ON_TRACK'] as text[]),
                     cast(array[50] as integer[]), cast(array['进展'] as text[]), cast(array[null] as text[]),
                     cast(array['[]'] as jsonb[]), cast(array['[]'] as jsonb[]), cast(array['c'] as text[]),
                     cast(array['c'] as text[]), cast(array['t'] as text[]), array[now()])
                with ordinality as b(event_id, plan, programme, agency, quarter, status, percent_complete, summary, risks,
                     measures, milestones, client_id, actor, trace_id, recorded_at, n)
             where not exists (select 1 from pointer.progress_report x where x.event_id = b.event_id)
             order by b.event_id, b.n) f
      left join pointer.current_progress_report c on c.plan = f.plan and c.programme = f.programme
           and c.agency = f.agency and c.quarter = f.quarter
     order by f.n
    on conflict (event_id) do nothing
    returning plan, programme, agency, quarter, event_id, revision
), newest as (
    insert into pointer.current_progress_report (plan, programme, agency, quarter, event_id, revision)
    select distinct on (plan, programme, agency, quarter) plan, programme, agency, quarter, event_id, revision
      from appended order by plan, programme, agency, quarter, revision desc
    on conflict (plan, programme, agency, quarter) do update set event_id = excluded.event_id, revision = excluded.revision
)
select event_id from appended;
commit;
