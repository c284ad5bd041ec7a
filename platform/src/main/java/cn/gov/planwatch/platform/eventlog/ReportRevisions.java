package cn.gov.planwatch.platform.eventlog;

import java.util.List;
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
public final class ReportRevisions {

    private ReportRevisions() {
    }

    /**
     * For a table whose current revisions are kept apart, in {@code current} (the key, its primary key, then
     * {@code event_id}, {@code revision} and the {@code carried} columns, copies of the newest report's): one
     * statement that appends the batch's new reports in log order, each numbered after its key's current revision,
     * and points each key the batch brings a report for at its newest; returns the event ids appended. The table keeps
     * a unique index on the key and revision, so two writers numbering the same key at once (a consumer that lost its
     * partition and does not know it yet) fail instead of both appending the same revision.
     */
    public static String appendKeepingCurrent(String table, String current, List<String> key, List<String> carried,
            List<String> columns, String batch) {
        String sameKey = key.stream().map(c -> "c." + c + " = f." + c).collect(Collectors.joining(" and "));
        String keyColumns = String.join(", ", key);
        List<String> pointer = Stream.concat(Stream.of("event_id", "revision"), carried.stream()).toList();
        String pointed = String.join(", ", pointer);
        String moved = pointer.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        return """
                with appended as (
                    insert into %1$s (%2$s, revision)
                    select %3$s, coalesce(c.revision, 0) + row_number() over (partition by %4$s order by f.n)
                      from (select distinct on (b.event_id) b.* from %5$s
                             where not exists (select 1 from %1$s x where x.event_id = b.event_id)
                             order by b.event_id, b.n) f
                      left join %6$s c on %7$s
                     order by f.n
                    on conflict (event_id) do nothing
                    returning %8$s, %9$s
                ), newest as (
                    insert into %6$s (%8$s, %9$s)
                    select distinct on (%8$s) %8$s, %9$s from appended order by %8$s, revision desc
                    on conflict (%8$s) do update set %10$s
                )
                select event_id from appended
                """.formatted(table, String.join(", ", columns), prefixed("f.", columns), prefixed("f.", key), batch,
                current, sameKey, keyColumns, pointed, moved);
    }

    /**
     * A batch as the statements read it: the arrays (one SQL expression for each column, in the order of
     * {@code columns}) unnested together, named {@code b}, with each event's position {@code n}.
     */
    public static String batch(List<String> arrays, List<String> columns) {
        return "unnest(" + String.join(", ", arrays) + ") with ordinality as b(" + String.join(", ", columns) + ", n)";
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + c).collect(Collectors.joining(", "));
    }
}
