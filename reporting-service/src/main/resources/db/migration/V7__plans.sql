-- Every published and amended version of every plan, folded from planwatch.plan-events, so that the national view of
-- any plan can be computed with the version in force at any instant. event_id makes re-delivery a no-op.
create table plan_version (
    event_id    uuid primary key,
    plan        text not null,
    version     integer not null,
    document    jsonb not null,
    recorded_at timestamptz not null,
    unique (plan, version)
);
create index plan_version_in_force on plan_version (plan, recorded_at);

-- Plans their lead agency closed: what was reported to them stays readable.
create table plan_closure (
    event_id    uuid primary key,
    plan        text not null,
    reason      text,
    recorded_at timestamptz not null
);

-- Every fact belongs to a plan; what was folded before facts named their plan belongs to the shipped plan. The same
-- indicator, programme or agency in two plans are two series, two roll-ups, two updates.
do $$
declare
    read_model text;
begin
    foreach read_model in array array['indicator_fact', 'indicator_status', 'progress_fact', 'programme_standing',
            'quarterly_update_fact', 'quarterly_update_state'] loop
        execute format('alter table %I add column plan text not null default %L', read_model, 'ip-2021-2025');
    end loop;
end $$;

drop index indicator_fact_current_per_period, indicator_fact_as_of, indicator_fact_by_period;
create unique index indicator_fact_current_per_period on indicator_fact (plan, indicator, period) where current;
create index indicator_fact_as_of on indicator_fact (plan, indicator, recorded_at);
create index indicator_fact_by_period on indicator_fact (plan, indicator, period, revision);

drop index progress_fact_current, progress_fact_as_of;
create unique index progress_fact_current on progress_fact (plan, programme, agency, quarter) where current;
create index progress_fact_as_of on progress_fact (plan, programme, recorded_at);

drop index quarterly_update_fact_as_of;
create index quarterly_update_fact_as_of on quarterly_update_fact (plan, agency, quarter, recorded_at);

-- The live rows are one per plan and key. plan_version: the version of the plan the stored progress or roll-up was
-- measured against; a view of a later version measures again.
alter table indicator_status drop constraint indicator_status_pkey, add primary key (plan, indicator),
    add column plan_version integer;
alter table programme_standing drop constraint programme_standing_pkey, add primary key (plan, programme),
    add column plan_version integer;
alter table quarterly_update_state drop constraint quarterly_update_state_pkey, add primary key (plan, agency, quarter);
