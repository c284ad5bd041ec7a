-- Each programme report's current revision (per plan, programme, agency and quarter), kept in a table of its own so
-- that progress facts are only ever appended, as indicator facts are. Flagging the current fact meant retiring the
-- previous one on every report: a new version of that row in every index of the table. Moving the pointer here
-- changes no indexed column, so PostgreSQL updates it in place (HOT) while the page has room: hence the low fill factor.
create table current_progress_fact (
    plan      text not null,
    programme text not null,
    agency    text not null,
    quarter   text not null,
    event_id  uuid not null,
    revision  integer not null,
    primary key (plan, programme, agency, quarter)
) with (fillfactor = 50);
insert into current_progress_fact (plan, programme, agency, quarter, event_id, revision)
select plan, programme, agency, quarter, event_id, revision from progress_fact where current;

-- A report's revisions are numbered once each: two writers numbering the same report at once fail instead.
drop index progress_fact_current;
create unique index progress_fact_revision on progress_fact (plan, programme, agency, quarter, revision);
alter table progress_fact drop column current;
