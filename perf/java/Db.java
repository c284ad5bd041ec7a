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
 *   <li>{@code check FILE} — the fault suite's invariants over SteadyReports' CSV (see {@link #check}).</li>
 * </ul>
 */
public class Db {

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            switch (args[1]) {
                case "count" -> System.out.println(count(db, args[2]));
                case "settle" -> System.out.println(settle(db, args[2]));
                case "drain" -> drain(db, Long.parseLong(args[2]), args[3], Long.parseLong(args[4]),
                        Long.parseLong(args[5]));
                case "explain" -> explain(db);
                case "check" -> check(db, Path.of(args[2]));
                default -> throw new IllegalArgumentException("unknown command " + args[1]);
            }
        }
    }

    static long count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
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
     * FILE is SteadyReports' CSV. Per read model: each 202 present exactly once (by eventId, and no second row with
     * its value); no report answered with an HTTP refusal (503 …) recorded; and how many unanswered reports (no HTTP
     * answer: the client cannot know) were recorded all the same.
     */
    static void check(Connection db, Path file) throws Exception {
        record Report(String indicator, String value, int status, String eventId) {
        }
        List<Report> reports = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] f = line.split(",", -1);
            reports.add(new Report(f[1], new java.math.BigDecimal(f[2]).stripTrailingZeros().toPlainString(),
                    Integer.parseInt(f[5]), f[6]));
        }
        long accepted = reports.stream().filter(r -> r.status() == 202).count();
        StringBuilder out = new StringBuilder("PERF_RESULT reports=" + reports.size() + " accepted=" + accepted);
        for (String table : List.of("indicator.observation", "reporting.indicator_fact")) {
            Map<String, List<String>> byKey = new HashMap<>();
            Set<String> ids = new java.util.HashSet<>();
            try (PreparedStatement s = db.prepareStatement(
                    "select indicator, value, event_id::text from " + table + " where period = '2023'");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
                    ids.add(rs.getString(3));
                }
            }
            int present = 0, missing = 0, duplicated = 0, refusedButRecorded = 0, unansweredRecorded = 0,
                    unanswered = 0;
            List<String> examples = new ArrayList<>();
            for (Report r : reports) {
                List<String> rows = byKey.getOrDefault(r.indicator() + "=" + r.value(), List.of());
                if (rows.size() > 1) {
                    duplicated++;
                    examples.add("recorded " + rows.size() + " times: " + r);
                }
                if (r.status() == 202) {
                    if (ids.contains(r.eventId()) && rows.contains(r.eventId())) {
                        present++;
                    } else {
                        missing++;
                        examples.add("202 but missing: " + r);
                    }
                } else if (r.status() == 0) {
                    unanswered++;
                    if (!rows.isEmpty()) {
                        unansweredRecorded++;
                    }
                } else if (!rows.isEmpty()) {
                    refusedButRecorded++;
                    examples.add("answered " + r.status() + " but recorded: " + r);
                }
            }
            String name = table.substring(table.indexOf('.') + 1);
            out.append(' ').append(name).append("_present=").append(present)
                    .append(' ').append(name).append("_missing=").append(missing)
                    .append(' ').append(name).append("_duplicated=").append(duplicated)
                    .append(' ').append(name).append("_refused_but_recorded=").append(refusedButRecorded)
                    .append(' ').append(name).append("_unanswered=").append(unanswered)
                    .append(' ').append(name).append("_unanswered_but_recorded=").append(unansweredRecorded);
            for (String example : examples.subList(0, Math.min(10, examples.size()))) {
                System.err.println(table + ": " + example);
            }
        }
        System.out.println(out);
    }
}
