-- Each report's current revision (per plan, programme, agency and quarter), kept in a table of its own so that
-- progress reports are only ever appended, as observations are. Flagging the current report meant retiring the
-- previous one on every report, and numbering a revision with max(revision) + 1 read every report of the programme
-- (no index led to a key's revisions). Moving the pointer here changes no indexed column, so PostgreSQL updates it in
-- place (HOT) while the page has room: hence the low fill factor.
create table current_progress_report (
    plan      text not null,
    programme text not null,
    agency    text not null,
    quarter   text not null,
    event_id  uuid not null,
    revision  integer not null,
    primary key (plan, programme, agency, quarter)
) with (fillfactor = 50);
insert into current_progress_report (plan, programme, agency, quarter, event_id, revision)
select plan, programme, agency, quarter, event_id, revision from progress_report where current;

-- A report's revisions are numbered once each: two writers numbering the same report at once fail instead.
drop index progress_report_current;
create unique index progress_report_revision on progress_report (plan, programme, agency, quarter, revision);
alter table progress_report drop column current;
