package cn.gov.planwatch.platform.eventlog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a read model of reports appends a polled batch to its table with its current pointers ({@link ReportRevisions}):
 * first as a batch none of whose events is in the table yet ({@link ReportRevisions#appendNewKeepingCurrent}), which
 * is what a projector folds while it reads the log once, under a savepoint; if one of them is in the table already (a
 * redelivery after a crash, or an event twice in the log), again with the statement that leaves those out
 * ({@link ReportRevisions#appendKeepingCurrent}). Looking every event up before appending it was a third of the
 * append's time, for the rare batch that has one.
 */
public final class ReportBatchAppend {

    private final String assumingNew;
    private final String skippingApplied;
    /** Where the key's columns are among the batch's columns. */
    private final int[] keyColumns;
    /** Where the event ids are among the batch's columns. */
    private final int eventIdColumn;

    /**
     * For {@code table} and its pointers in {@code current} (see {@link ReportRevisions#appendKeepingCurrent}); the
     * batch is bound as {@code arrays}, one SQL expression per column of {@code columns}, in their order.
     */
    public ReportBatchAppend(String table, String current, List<String> key, List<String> carried,
            List<String> columns, List<String> arrays) {
        this.assumingNew = ReportRevisions.appendNewKeepingCurrent(table, current, key, carried, columns,
                ReportRevisions.batchOfNew(arrays, columns));
        this.skippingApplied = ReportRevisions.appendKeepingCurrent(table, current, key, carried, columns,
                ReportRevisions.batch(arrays, columns));
        this.keyColumns = key.stream().mapToInt(columns::indexOf).toArray();
        this.eventIdColumn = columns.indexOf("event_id");
        if (!columns.containsAll(key) || eventIdColumn < 0) {
            throw new IllegalArgumentException("the key " + key + " or event_id is not among the columns " + columns);
        }
    }

    /**
     * Appends the batch, each event once, in the caller's transaction: {@code columns} holds one array per column,
     * each in log order. Returns the event ids appended now; those missing were in the table before.
     */
    public List<UUID> append(JdbcClient jdbc, Object[] columns) {
        Object[] numbered = numberedByKey(columns, keys(columns));
        jdbc.sql("savepoint append_new_events").update();
        try {
            long appended = jdbc.sql(assumingNew).params(numbered).query(ReportRevisions.APPENDED_ALL).single();
            jdbc.sql("release savepoint append_new_events").update();
            List<UUID> eventIds = Arrays.stream((Object[]) columns[eventIdColumn]).map(UUID.class::cast).toList();
            if (appended != eventIds.size()) {
                throw new IllegalStateException("appended " + appended + " of a batch of " + eventIds.size()
                        + " new events");
            }
            return eventIds;
        } catch (DuplicateKeyException inTableAlready) {
            jdbc.sql("rollback to savepoint append_new_events").update();
            return jdbc.sql(skippingApplied).params(columns).query(ReportRevisions.APPENDED).list();
        }
    }

    /** Each event's key: its values of the key's columns. */
    private List<List<Object>> keys(Object[] columns) {
        int events = ((Object[]) columns[0]).length;
        List<List<Object>> keys = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            List<Object> key = new ArrayList<>(keyColumns.length);
            for (int column : keyColumns) {
                key.add(((Object[]) columns[column])[i]);
            }
            keys.add(key);
        }
        return keys;
    }

    /**
     * The batch's columns followed by two arrays: each event's number among the batch's events of its key (1, 2, … in
     * log order), and whether it is its key's newest in the batch.
     */
    static Object[] numberedByKey(Object[] columns, List<?> keys) {
        Map<Object, Integer> reports = new HashMap<>();
        keys.forEach(k -> reports.merge(k, 1, Integer::sum));
        Map<Object, Integer> numberedSoFar = new HashMap<>();
        Integer[] numbers = new Integer[keys.size()];
        Boolean[] newest = new Boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            numbers[i] = numberedSoFar.merge(keys.get(i), 1, Integer::sum);
            newest[i] = numbers[i].equals(reports.get(keys.get(i)));
        }
        Object[] numbered = Arrays.copyOf(columns, columns.length + 2);
        numbered[columns.length] = numbers;
        numbered[columns.length + 1] = newest;
        return numbered;
    }
}
