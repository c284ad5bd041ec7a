import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the benchmark and the fault suite read from the read models, by plain JDBC (run with the PostgreSQL driver on
 * the class path: java -cp launcher/target/lib/postgresql-*.jar Db.java JDBC_URL COMMAND …).
 *
 * <ul>
 *   <li>{@code count TABLE} — rows in a table.</li>
 *   <li>{@code settle TABLE} — rows in a table once it has not changed for a second (its projector caught up).</li>
 *   <li>{@code drain PID TABLE TARGET TIMEOUT_S} — sends SIGCONT to PID (a projector's JVM that was stopped while a
 *       backlog built up), then counts TABLE every 20 ms until it holds TARGET rows; prints the fold rate.</li>
 *   <li>{@code explain} — the plan of the projectors' per-event revision look-up at the current table sizes.</li>
 *   <li>{@code check FILE [PERIOD]} — the fault suite's invariants over SteadyReports' CSV (see {@link #check});
 *       PERIOD (2023 by default) is the period the stream reported.</li>
 *   <li>{@code compare REPLAY_JDBC_URL} — every read-model table of this database against the same table in a
 *       database a fresh instance replayed the log into, row for row (see {@link #compare}).</li>
 *   <li>{@code present TABLE FILE} — whether each event id listed in FILE (the last CSV field of each line) is in
 *       TABLE exactly once.</li>
 *   <li>{@code revisions OUT} / {@code revisions-unchanged FILE} — every row's revision and current flag in both
 *       indicator read models, saved; later, that each saved row still has them (see {@link #revisionsUnchanged}).</li>
 *   <li>{@code exec SQL} — runs one statement (create database …, drop database …).</li>
 * </ul>
 */
public class Db {

    public static void main(String[] args) throws Exception {
        try (Connection db = asSuperuser(args[0])) {
            switch (args[1]) {
                case "count" -> System.out.println(count(db, args[2]));
                case "settle" -> System.out.println(settle(db, args[2]));
                case "drain" -> drain(db, Long.parseLong(args[2]), args[3], Long.parseLong(args[4]),
                        Long.parseLong(args[5]));
                case "explain" -> explain(db);
                case "check" -> check(db, Path.of(args[2]), args.length > 3 ? args[3] : "2023");
                case "compare" -> {
                    try (Connection replay = asSuperuser(args[2])) {
                        if (!compare(db, replay)) {
                            System.exit(1);
                        }
                    }
                }
                case "present" -> present(db, args[2], Path.of(args[3]));
                case "revisions" -> revisions(db, Path.of(args[2]));
                case "revisions-unchanged" -> {
                    if (!revisionsUnchanged(db, Path.of(args[2]))) {
                        System.exit(1);
                    }
                }
                case "exec" -> {
                    try (Statement s = db.createStatement()) {
                        s.execute(args[2]);
                    }
                }
                default -> throw new IllegalArgumentException("unknown command " + args[1]);
            }
        }
    }

    /** The rows of a table, or the number a query ({@code select …}) answers. */
    static long count(Connection db, String table) throws Exception {
        String query = table.startsWith("select ") ? table : "select count(*) from " + table;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long settle(Connection db, String table) throws Exception {
        long rows = count(db, table);
        long stableSince = System.nanoTime();
        long deadline = stableSince + 120_000_000_000L;
        while (System.nanoTime() - stableSince < 1_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = count(db, table);
            if (now != rows) {
                rows = now;
                stableSince = System.nanoTime();
            }
        }
        return rows;
    }

    static void drain(Connection db, long pid, String table, long target, long timeoutSeconds) throws Exception {
        long before = count(db, table);
        long resumed = System.nanoTime();
        Process cont = new ProcessBuilder("kill", "-CONT", Long.toString(pid)).inheritIO().start();
        if (cont.waitFor() != 0) {
            throw new IllegalStateException("kill -CONT " + pid + " failed");
        }
        long firstFold = -1;
        long rows = before;
        long deadline = resumed + timeoutSeconds * 1_000_000_000L;
        while (rows < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rows = count(db, table);
            if (firstFold < 0 && rows > before) {
                firstFold = System.nanoTime();
            }
        }
        long done = System.nanoTime();
        long folded = rows - before;
        double seconds = (done - resumed) / 1e9;
        double afterFirst = firstFold < 0 ? Double.NaN : (done - firstFold) / 1e9;
        System.out.printf(Locale.ROOT,
                "PERF_RESULT backlog=%d folded=%d seconds=%.3f rate=%.1f first_fold_after_s=%.3f rate_after_first=%.1f"
                        + " complete=%s%n",
                target - before, folded, seconds, folded / seconds,
                firstFold < 0 ? Double.NaN : (firstFold - resumed) / 1e9, folded / afterFirst, rows >= target);
    }

    static void explain(Connection db) throws Exception {
        for (String table : List.of("indicator.observation", "reporting.indicator_fact")) {
            System.out.println("-- " + table + " (" + count(db, table) + " rows): the revision look-up each fold runs");
            try (PreparedStatement s = db.prepareStatement("explain (analyze, costs off) select coalesce(max(revision), 0)"
                    + " + 1 from " + table + " where indicator = 'IND-01' and period = '2023'");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.println("   " + rs.getString(1));
                }
            }
        }
    }

    /**
     * FILE is SteadyReports' CSV, PERIOD the period its reports are for (no other writer uses that period). Per read
     * model: each 202 present exactly once (by eventId, and no second row with its value); no report answered with a
     * refusal (4xx, 503: "nothing was recorded") recorded; no row for the period that no report of the stream
     * explains (stray); and how many reports whose outcome the client could not know (no answer, or a 5xx other
     * than 503) were recorded all the same — neither way breaks a promise of the API.
     */
    static void check(Connection db, Path file, String period) throws Exception {
        record Report(String indicator, String value, int status, String eventId) {
        }
        List<String> lines = Files.readAllLines(file);
        List<Report> reports = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            reports.add(new Report(f[1], new java.math.BigDecimal(f[2]).stripTrailingZeros().toPlainString(),
                    Integer.parseInt(f[5]), f[6]));
        }
        Set<String> sentKeys = new java.util.HashSet<>();
        reports.forEach(r -> sentKeys.add(r.indicator() + "=" + r.value()));
        long accepted = reports.stream().filter(r -> r.status() == 202).count();
        StringBuilder out = new StringBuilder("PERF_RESULT reports=" + reports.size() + " accepted=" + accepted);
        for (String table : List.of("indicator.observation", "reporting.indicator_fact")) {
            Map<String, List<String>> byKey = new HashMap<>();
            Map<String, Integer> idCount = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select indicator, value, event_id::text from " + table + " where period = ?")) {
                s.setString(1, period);
                ResultSet rs = s.executeQuery();
                while (rs.next()) {
                    String key = rs.getString(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
                    idCount.merge(rs.getString(3), 1, Integer::sum);
                }
            }
            int present = 0, missing = 0, duplicated = 0, refusedButRecorded = 0, unknown = 0, unknownRecorded = 0;
            List<String> examples = new ArrayList<>();
            for (Report r : reports) {
                List<String> rows = byKey.getOrDefault(r.indicator() + "=" + r.value(), List.of());
                if (rows.size() > 1) {
                    duplicated++;
                    examples.add("recorded " + rows.size() + " times: " + r);
                }
                if (r.status() == 202) {
                    if (idCount.getOrDefault(r.eventId(), 0) == 1 && rows.contains(r.eventId())) {
                        present++;
                    } else {
                        missing++;
                        examples.add("202 but missing: " + r);
                    }
                } else if (r.status() == 503 || r.status() >= 400 && r.status() < 500) {
                    if (!rows.isEmpty()) {
                        refusedButRecorded++;
                        examples.add("answered " + r.status() + " but recorded: " + r);
                    }
                } else {
                    unknown++;
                    if (!rows.isEmpty()) {
                        unknownRecorded++;
                    }
                }
            }
            long stray = byKey.entrySet().stream().filter(e -> !sentKeys.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().size()).sum();
            if (stray > 0) {
                examples.add(stray + " rows for " + period + " that no report of the stream explains");
            }
            String name = table.substring(table.indexOf('.') + 1);
            out.append(' ').append(name).append("_rows=").append(idCount.size())
                    .append(' ').append(name).append("_present=").append(present)
                    .append(' ').append(name).append("_missing=").append(missing)
                    .append(' ').append(name).append("_duplicated=").append(duplicated)
                    .append(' ').append(name).append("_stray=").append(stray)
                    .append(' ').append(name).append("_refused_but_recorded=").append(refusedButRecorded)
                    .append(' ').append(name).append("_unknown=").append(unknown)
                    .append(' ').append(name).append("_unknown_but_recorded=").append(unknownRecorded);
            for (String example : examples.subList(0, Math.min(10, examples.size()))) {
                System.err.println(table + ": " + example);
            }
        }
        System.out.println(out);
    }

    /** How many times each event id of FILE (first field of each line) is in TABLE: "id count" lines, then a sum. */
    static void present(Connection db, String table, Path file) throws Exception {
        int once = 0, other = 0;
        for (String line : Files.readAllLines(file)) {
            String id = line.split(",")[line.split(",").length - 1].trim();
            if (id.isEmpty()) {
                continue;
            }
            try (PreparedStatement s = db.prepareStatement(
                    "select count(*) from " + table + " where event_id = cast(? as uuid)")) {
                s.setString(1, id);
                ResultSet rs = s.executeQuery();
                rs.next();
                int n = rs.getInt(1);
                if (n == 1) {
                    once++;
                } else {
                    other++;
                    System.err.println(table + ": event " + id + " present " + n + " times");
                }
            }
        }
        System.out.println("PERF_RESULT exactly_once=" + once + " not_once=" + other);
    }

    static final List<String> INDICATOR_READ_MODELS = List.of("indicator.observation", "reporting.indicator_fact");

    /**
     * A read model of indicator reports as rows with their current flag: each read model points at a period's current
     * report from a table of its own.
     */
    static String withCurrentFlag(String table) {
        String pointers = table.equals("reporting.indicator_fact") ? "reporting.current_indicator_fact"
                : "indicator.current_observation";
        return "(select r.*, c.event_id is not null as current from " + table + " r left join " + pointers
                + " c on c.event_id = r.event_id) reports";
    }

    static void revisions(Connection db, Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String table : INDICATOR_READ_MODELS) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select event_id::text, revision, current, indicator || '/' || period from "
                            + withCurrentFlag(table))) {
                while (rs.next()) {
                    lines.add(table + "," + rs.getString(1) + "," + rs.getInt(2) + "," + rs.getBoolean(3) + ","
                            + rs.getString(4));
                }
            }
        }
        Files.write(out, lines);
        System.out.println("PERF_RESULT rows_saved=" + lines.size());
    }

    /**
     * Every row saved by {@link #revisions} is still there, once, with the same revision; and with the same current
     * flag, unless its indicator and period got a newer report since (the stream's own period does).
     */
    static boolean revisionsUnchanged(Connection db, Path file) throws Exception {
        record Row(int revision, boolean current, String key) {
        }
        Map<String, Row> now = new HashMap<>();
        Map<String, Integer> rowsPerKey = new HashMap<>();
        for (String table : INDICATOR_READ_MODELS) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select event_id::text, revision, current, indicator || '/' || period from "
                            + withCurrentFlag(table))) {
                while (rs.next()) {
                    String key = table + "," + rs.getString(4);
                    now.put(table + "," + rs.getString(1), new Row(rs.getInt(2), rs.getBoolean(3), key));
                    rowsPerKey.merge(key, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> rowsPerKeyBefore = new HashMap<>();
        List<String[]> saved = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(",");
            saved.add(f);
            rowsPerKeyBefore.merge(f[0] + "," + f[4], 1, Integer::sum);
        }
        int same = 0, currentKept = 0, changed = 0;
        for (String[] f : saved) {
            Row row = now.get(f[0] + "," + f[1]);
            String key = f[0] + "," + f[4];
            boolean newerReports = !rowsPerKey.getOrDefault(key, 0).equals(rowsPerKeyBefore.get(key));
            boolean ok = row != null && row.revision() == Integer.parseInt(f[2])
                    && (newerReports || row.current() == Boolean.parseBoolean(f[3]));
            if (ok) {
                same++;
                currentKept += newerReports ? 0 : 1;
            } else {
                changed++;
                if (changed <= 10) {
                    System.err.println("revision or current flag changed, or row gone: " + String.join(",", f)
                            + " now " + row);
                }
            }
        }
        System.out.println("PERF_RESULT revisions_unchanged=" + same + " current_flags_unchanged=" + currentKept
                + " changed=" + changed);
        return changed == 0;
    }

    /**
     * One read-model table, compared row for row. {@code ignored}: columns that say when the row was projected, not
     * what it holds. {@code orderWithin}: the table's {@code seq} is its arrival order, a sequence that a skipped
     * redelivery also advances, so it is compared as the row's rank among the rows with the same value of this
     * column (their events share a partition key, so a replay applies them in the same order).
     */
    record ReadModelTable(String name, Set<String> ignored, String orderWithin) {
    }

    static final List<ReadModelTable> READ_MODELS = List.of(
            new ReadModelTable("indicator.observation", Set.of("projected_at"), "indicator"),
            new ReadModelTable("indicator.current_observation", Set.of(), null),
            new ReadModelTable("indicator.quarter_lock", Set.of(), null),
            new ReadModelTable("indicator.quarter_lock_event", Set.of("projected_at"), null),
            new ReadModelTable("reporting.indicator_fact", Set.of(), "indicator"),
            new ReadModelTable("reporting.current_indicator_fact", Set.of(), null),
            new ReadModelTable("reporting.view_freshness", Set.of("last_applied_at"), null),
            new ReadModelTable("reporting.progress_fact", Set.of(), "programme"),
            new ReadModelTable("reporting.current_progress_fact", Set.of(), null),
            new ReadModelTable("reporting.programme_standing", Set.of("updated_at"), null),
            new ReadModelTable("reporting.quarterly_update_fact", Set.of(), "agency"),
            new ReadModelTable("reporting.quarterly_update_state", Set.of(), null),
            new ReadModelTable("reporting.dead_letter", Set.of(), null));

    /**
     * Every table of {@link #READ_MODELS} in the live database against the replay database, as multisets of rows
     * (all columns but the ignored ones, PostgreSQL's text form). Prints one line per table and a PERF_RESULT.
     */
    static boolean compare(Connection live, Connection replay) throws Exception {
        boolean allEqual = true;
        long rows = 0;
        StringBuilder tables = new StringBuilder();
        for (ReadModelTable table : READ_MODELS) {
            List<String> a = rows(live, table);
            List<String> b = rows(replay, table);
            boolean equal = a.equals(b);
            allEqual &= equal;
            rows += a.size();
            List<String> notes = new ArrayList<>(table.ignored().stream().map(c -> "without " + c).toList());
            if (table.orderWithin() != null) {
                notes.add("seq as order within " + table.orderWithin());
            }
            System.out.printf(Locale.ROOT, "  %-34s live %6d rows · replay %6d rows · %s%s%n", table.name(), a.size(),
                    b.size(), equal ? "equal" : "DIFFERENT", notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
            if (!equal) {
                List<String> onlyLive = new ArrayList<>(a);
                b.forEach(onlyLive::remove);
                List<String> onlyReplay = new ArrayList<>(b);
                a.forEach(onlyReplay::remove);
                System.out.println("    only live (" + onlyLive.size() + "), first ones:");
                onlyLive.stream().limit(5).forEach(r -> System.out.println("      " + r));
                System.out.println("    only replay (" + onlyReplay.size() + "), first ones:");
                onlyReplay.stream().limit(5).forEach(r -> System.out.println("      " + r));
            }
            tables.append(tables.length() == 0 ? "" : ",").append(table.name()).append(':').append(a.size());
        }
        System.out.println("PERF_RESULT replay_equal=" + (allEqual ? "yes" : "no") + " rows=" + rows + " tables="
                + tables);
        return allEqual;
    }

    static List<String> rows(Connection db, ReadModelTable table) throws Exception {
        String select = table.orderWithin() == null ? "select * from " + table.name()
                : "select t.*, rank() over (partition by " + table.orderWithin() + " order by seq) as seq_within_"
                        + table.orderWithin() + " from " + table.name() + " t";
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(select)) {
            var meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String column = meta.getColumnName(c);
                    if (table.ignored().contains(column) || table.orderWithin() != null && column.equals("seq")) {
                        continue;
                    }
                    row.append(row.length() == 0 ? "" : " | ").append(column).append('=').append(rs.getString(c));
                }
                rows.add(row.toString());
            }
        }
        java.util.Collections.sort(rows);
        return rows;
    }

    /** As the embedded PostgreSQL's superuser, for inspection only (the services log in as their own roles). */
    static Connection asSuperuser(String jdbcUrl) throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres",
                System.getenv().getOrDefault("PLANWATCH_PG_SUPERUSER_PASSWORD", ""));
    }
}
