-- Each indicator period's current fact, kept in a table of its own so that indicator facts are only ever appended.
-- Flagging the current fact meant retiring the previous one on every report: a new version of that row in every index
-- of the table (the flag was the predicate of the partial unique index). Moving the pointer here changes no indexed
-- column, so PostgreSQL updates it in place (HOT) while the page has room: hence the low fill factor.
create table current_indicator_fact (
    plan      text not null,
    indicator text not null,
    period    text not null,
    event_id  uuid not null,
    revision  integer not null,
    primary key (plan, indicator, period)
) with (fillfactor = 50);
insert into current_indicator_fact (plan, indicator, period, event_id, revision)
select plan, indicator, period, event_id, revision from indicator_fact where current;

-- A period's revisions are numbered once each: two writers numbering the same period at once fail instead.
drop index indicator_fact_current_per_period, indicator_fact_by_period;
create unique index indicator_fact_revision on indicator_fact (plan, indicator, period, revision);
alter table indicator_fact drop column current;
