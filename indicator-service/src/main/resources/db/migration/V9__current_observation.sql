-- Each indicator period's current report, kept in a table of its own so that observations are only ever appended.
-- Flagging the current report meant retiring the previous one on every report: a new version of that row in every
-- index of the table (the flag was the predicate of the partial unique index). Moving the pointer here changes no
-- indexed column, so PostgreSQL updates it in place (HOT) while the page has room: hence the low fill factor.
create table current_observation (
    plan      text not null,
    indicator text not null,
    period    text not null,
    event_id  uuid not null,
    revision  integer not null,
    primary key (plan, indicator, period)
) with (fillfactor = 50);
insert into current_observation (plan, indicator, period, event_id, revision)
select plan, indicator, period, event_id, revision from observation where current;

-- A period's revisions are numbered once each: two writers numbering the same period at once fail instead.
drop index observation_current_per_period, observation_by_period;
create unique index observation_revision on observation (plan, indicator, period, revision);
alter table observation drop column current;
