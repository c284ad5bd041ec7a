-- What each observation reported, so that an agency's submission template shows its indicators' last values. Events
-- folded before this migration keep nulls there (their values are in indicator-service's read model and the log).
alter table reported_indicator add column period text;
alter table reported_indicator add column value numeric;
alter table reported_indicator add column recorded_at timestamptz;

create index reported_indicator_latest on reported_indicator (plan, agency, indicator, period desc, recorded_at desc);
