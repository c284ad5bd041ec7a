-- Every read model is kept per plan: the same indicator code or agency in two plans are two series, two quarters.
-- What was recorded before events named their plan belongs to the shipped plan. The default only fills the
-- existing rows; writers name the plan from now on.
alter table observation add column plan text not null default 'ip-2021-2025';
alter table observation alter column plan drop default;
drop index observation_current_per_period;
create unique index observation_current_per_period on observation (plan, indicator, period) where current;
drop index observation_by_indicator;
create index observation_by_indicator on observation (plan, indicator, seq);
drop index observation_by_period;
create index observation_by_period on observation (plan, indicator, period, revision);

alter table quarter_lock add column plan text not null default 'ip-2021-2025';
alter table quarter_lock alter column plan drop default;
alter table quarter_lock drop constraint quarter_lock_pkey;
alter table quarter_lock add primary key (plan, agency, quarter);
alter table quarter_lock_event add column plan text not null default 'ip-2021-2025';
alter table quarter_lock_event alter column plan drop default;

-- The plans their lead agency has closed, folded from planwatch.plan-events: they take no more reports. event_id is
-- the projection's idempotency key; a plan is closed once.
create table plan_closure (
    event_id     uuid primary key,
    plan         text not null unique,
    reason       text,
    recorded_at  timestamptz not null,
    projected_at timestamptz not null default now()
);
