package cn.gov.planwatch.platform.eventlog;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The revisions of reports kept with their history, as every read model of reports numbers them: a key's reports
 * count 1, 2, 3… in log order (the table's {@code seq}, the order they were appended), and the newest is the key's
 * current one. The table has {@code event_id}, {@code seq}, {@code revision} and {@code current} columns and a
 * partial unique index on the key where current; new rows arrive with revision 0 and not current.
 */
public final class ReportRevisions {

    private ReportRevisions() {
    }

    /**
     * Numbers the newly appended rows {@code eventIds} after the revisions their keys had, and makes the newest of
     * each key current, in three statements whatever their number. Runs in the caller's transaction.
     *
     * @param table the table, qualified as the statements should name it
     * @param key   the columns that name one series of revisions, e.g. {@code plan, indicator, period}
     */
    public static void numberNewRows(JdbcClient jdbc, String table, List<String> key, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Object ids = eventIds.toArray(UUID[]::new);
        String columns = String.join(", ", key);
        String sameKey = key.stream().map(c -> "p." + c + " = f." + c).collect(Collectors.joining(" and "));
        jdbc.sql("""
                update %1$s o set revision = n.revision
                  from (select f.event_id,
                               (select coalesce(max(p.revision), 0) from %1$s p where %2$s and p.revision > 0)
                               + row_number() over (partition by %3$s order by f.seq) as revision
                          from %1$s f where f.event_id = any(?)) n
                 where o.event_id = n.event_id
                """.formatted(table, sameKey, key.stream().map(c -> "f." + c).collect(Collectors.joining(", "))))
                .params(ids).update();
        // Two statements, because the partial unique index is checked row by row.
        jdbc.sql("""
                update %1$s set current = false
                 where current and (%2$s) in (select %2$s from %1$s where event_id = any(?))
                """.formatted(table, columns)).params(ids).update();
        jdbc.sql("""
                update %1$s set current = true
                 where event_id in (select distinct on (%2$s) event_id from %1$s
                                     where event_id = any(?) order by %2$s, seq desc)
                """.formatted(table, columns)).params(ids).update();
    }
}
