-- Every read model is per plan: a report, a quarterly update and its lock belong to one plan, so SAMR's 2026-Q3
-- update in two plans is two updates. What was recorded before reports named their plan belongs to the plan the
-- product carried alone.

alter table progress_report add column plan text not null default 'ip-2021-2025';
alter table progress_report alter column plan drop default;
drop index progress_report_current;
create unique index progress_report_current on progress_report (plan, programme, agency, quarter) where current;
drop index progress_report_by_programme;
create index progress_report_by_programme on progress_report (plan, programme, seq);

alter table quarterly_update add column plan text not null default 'ip-2021-2025';
alter table quarterly_update alter column plan drop default;
alter table quarterly_update drop constraint quarterly_update_pkey;
alter table quarterly_update add primary key (plan, agency, quarter);

alter table quarterly_update_event add column plan text not null default 'ip-2021-2025';
alter table quarterly_update_event alter column plan drop default;
drop index quarterly_update_event_by_agency;
create index quarterly_update_event_by_agency on quarterly_update_event (plan, agency, seq);

-- The indicators of each plan that have observations (recorded by indicator-service), folded from the indicator
-- topic: a plan amendment must keep them. One row per observation event: event_id is the projection's idempotency
-- key.
create table reported_indicator (
    event_id     uuid primary key,
    plan         text not null,
    indicator    text not null,
    agency       text not null,
    projected_at timestamptz not null default now()
);

create index reported_indicator_by_plan on reported_indicator (plan, indicator);
