package cn.gov.planwatch.platform.eventlog;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The revisions of reports kept with their history, as every read model of reports numbers them: a key's reports
 * count 1, 2, 3… in log order, and the newest is the key's current one. The table has {@code event_id} (unique) and
 * {@code revision} columns; its reports are only ever appended, and a key's current revision is a narrow row of a
 * table of its own, moved in place ({@link #appendKeepingCurrent}). Flagging the current report instead meant retiring
 * the previous one on every report, a new version of that row in every index of the table (the flag was the predicate
 * of the partial unique index); moving the narrow row changes no indexed column.
 * <p>
 * A batch of events is appended in one statement whatever its size, each row written once with its final revision.
 * The statement reads the batch from {@code batch}, a FROM item named {@code b} with the table's columns (as named in
 * {@code columns}) and {@code n}, the event's position in the batch; an event already in the table (a redelivery), or
 * twice in the batch, is appended once.
 */
final class ReportRevisions {

    private ReportRevisions() {
    }

    /**
     * For a table whose current revisions are kept apart, in {@code current} (the key, its primary key, then
     * {@code event_id}, {@code revision} and the {@code carried} columns, copies of the newest report's): one
     * statement that appends the batch's new reports in log order, each numbered after its key's current revision,
     * and points each key the batch brings a report for at its newest. Its rows, read with {@link #APPENDED}, are the
     * event ids appended.
     * <p>
     * A key's pointer is moved only from the revision the batch numbered after, so two writers numbering the same key
     * at once (a consumer that lost its partition and does not know it yet) cannot both append the same revision: the
     * second waits for the first's pointer and finds it moved, and {@link #APPENDED} fails its transaction (for a key
     * new to both, the second's pointer fails on the key the first's took). That is why the table needs no unique
     * index on its key and revision, and why the appends need no {@code on conflict}: the batch is read without the
     * events already in the table, and an event a concurrent writer appends first fails the other's transaction on
     * the table's event-id key, to be skipped when it is folded again.
     */
    static String appendKeepingCurrent(String table, String current, List<String> key, List<String> carried,
            List<String> columns, String batch) {
        String sameKey = key.stream().map(c -> "c." + c + " = f." + c).collect(Collectors.joining(" and "));
        String keyColumns = String.join(", ", key);
        List<String> pointer = Stream.concat(Stream.of("event_id", "revision"), carried.stream()).toList();
        String pointed = String.join(", ", pointer);
        String moved = pointer.stream().map(c -> c + " = n." + c).collect(Collectors.joining(", "));
        String sameKeyAsNewest = key.stream().map(c -> "c." + c + " = n." + c).collect(Collectors.joining(" and "));
        return """
                with appended as (
                    insert into %1$s (%2$s, revision)
                    select %3$s, coalesce(c.revision, 0) + row_number() over (partition by %4$s order by f.n)
                      from (select distinct on (b.event_id) b.* from %5$s
                             where not exists (select 1 from %1$s x where x.event_id = b.event_id)
                             order by b.event_id, b.n) f
                      left join %6$s c on %7$s
                     order by f.n
                    returning %8$s, %9$s
                ), newest as (
                    select distinct on (%8$s) %8$s, %9$s,
                           min(revision) over (partition by %8$s) - 1 as numbered_after
                      from appended order by %8$s, revision desc
                ), moved as (
                    update %6$s c set %10$s from newest n where %11$s and c.revision = n.numbered_after
                    returning 1
                ), added as (
                    insert into %6$s (%8$s, %9$s)
                    select %8$s, %9$s from newest where numbered_after = 0
                    returning 1
                )
                select event_id, (select count(*) from moved) + (select count(*) from added)
                                 = (select count(*) from newest) as numbered_alone
                  from appended
                """.formatted(table, String.join(", ", columns), prefixed("f.", columns), prefixed("f.", key), batch,
                current, sameKey, keyColumns, pointed, moved, sameKeyAsNewest);
    }

    /**
     * {@link #appendKeepingCurrent}'s statement for a batch of events none of which is in the table yet: what a
     * projector folds while it reads the log once, which is nearly always. It does not look for each event in the
     * table first, nor number the batch's reports of a key in SQL: {@code batch} (see {@link #batchOfNew}) brings each
     * event's number among the batch's reports of its key and whether it is the key's newest, and the pointer row each
     * key is moved from is found once and moved by its row address. An event already in the table fails the statement
     * on the table's event-id key: {@link ReportBatchAppend} then appends the batch with
     * {@link #appendKeepingCurrent}. A pointer moved by another writer meanwhile is not moved again (its revision is no
     * longer the one numbered after), as there. Its one row, read with {@link #APPENDED_ALL}, counts the events
     * appended: all of the batch's, or the statement fails. Reading back each event's id instead was about a tenth of
     * a profile of a projector folding a backlog.
     */
    static String appendNewKeepingCurrent(String table, String current, List<String> key, List<String> carried,
            List<String> columns, String batch) {
        String sameKey = key.stream().map(c -> "c." + c + " = b." + c).collect(Collectors.joining(" and "));
        String carriedMoved = carried.stream().map(c -> ", " + c + " = p." + c).collect(Collectors.joining());
        String carriedColumns = carried.stream().map(c -> ", " + c).collect(Collectors.joining());
        return """
                with pointed as materialized (
                    select b.*, c.ctid as pointer, c.revision as numbered_after
                      from %1$s left join %2$s c on %3$s
                ), appended as (
                    insert into %4$s (%5$s, revision)
                    select %5$s, coalesce(numbered_after, 0) + number_in_key from pointed order by n
                    returning 1
                ), moved as (
                    update %2$s c set event_id = p.event_id, revision = p.numbered_after + p.number_in_key%6$s
                      from pointed p
                     where p.newest_of_key and c.ctid = p.pointer and c.revision = p.numbered_after
                    returning 1
                ), added as (
                    insert into %2$s (%7$s, event_id, revision%8$s)
                    select %7$s, event_id, number_in_key%8$s from pointed where newest_of_key and pointer is null
                    returning 1
                )
                select (select count(*) from appended) as appended,
                       (select count(*) from moved) + (select count(*) from added)
                         = (select count(*) from pointed where newest_of_key) as numbered_alone
                """.formatted(batch, current, sameKey, table, String.join(", ", columns), carriedMoved,
                String.join(", ", key), carriedColumns);
    }

    /**
     * A row of {@link #appendKeepingCurrent}'s result: the event id appended. Fails the transaction, with a
     * {@link ConcurrencyFailureException}, when another writer moved a key's pointer after the batch had numbered its
     * revisions; folded again, the batch numbers them after that writer's.
     */
    static final RowMapper<UUID> APPENDED = (rs, n) -> {
        failIfNumberedByAnother(rs);
        return rs.getObject("event_id", UUID.class);
    };

    /** The row of {@link #appendNewKeepingCurrent}'s result: how many events it appended. Fails as {@link #APPENDED}. */
    static final RowMapper<Long> APPENDED_ALL = (rs, n) -> {
        failIfNumberedByAnother(rs);
        return rs.getLong("appended");
    };

    private static void failIfNumberedByAnother(ResultSet row) throws SQLException {
        if (!row.getBoolean("numbered_alone")) {
            throw new ConcurrencyFailureException("another writer appended revisions of a key of this batch at the"
                    + " same time; the batch is rolled back to be numbered again after them");
        }
    }

    /**
     * A batch as the statements read it: the arrays (one SQL expression for each column, in the order of
     * {@code columns}) unnested together, named {@code b}, with each event's position {@code n}.
     */
    static String batch(List<String> arrays, List<String> columns) {
        return "unnest(" + String.join(", ", arrays) + ") with ordinality as b(" + String.join(", ", columns) + ", n)";
    }

    /**
     * {@link #batch} with two more arrays, after the columns': each event's number among the batch's events of its
     * key (1, 2, … in log order), and whether it is the key's newest, as {@link #appendNewKeepingCurrent} reads them.
     */
    static String batchOfNew(List<String> arrays, List<String> columns) {
        return batch(Stream.concat(arrays.stream(), Stream.of("cast(? as integer[])", "cast(? as boolean[])")).toList(),
                Stream.concat(columns.stream(), Stream.of("number_in_key", "newest_of_key")).toList());
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + c).collect(Collectors.joining(", "));
    }
}
