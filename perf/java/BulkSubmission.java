import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * {@code plan GATEWAY LEAD_TOKEN SHIPPED_YAML PLAN INDICATORS}: publishes PLAN, the shipped plan under another id with
 * INDICATORS more quarterly indicators of CNIPA's, so that a submission of 25 × INDICATORS rows names each indicator
 * and period once (a submission may not report one twice), and waits until a submission to it is accepted.
 *
 * <p>Otherwise, bulk submission as a ministry sends it: {@code ROWS} indicator values in one {@code POST …/submissions} through the
 * gateway, {@code WARMUPS} untimed first, then {@code ROUNDS} timed one after another. For each: the time to the
 * {@code 202} (rows/s = rows ÷ that time) and from the {@code 202} until all its rows are folded into the national
 * view ({@code reporting.indicator_fact}, read every 10 ms as the PostgreSQL superuser). Then one submission of the
 * same size with one bad row in the middle: it must be refused ({@code 422}) and leave every read model as it was.
 * Prints one PERF_RESULT line per timed submission and one for the refused one. With {@code --no-wait}, only sends
 * the submissions, one after another (to fill the log while a projector is paused).
 *
 * <p>Usage: java BulkSubmission GATEWAY TOKEN JDBC_URL PLAN ROWS WARMUPS ROUNDS [--no-wait] (password in
 * PLANWATCH_PG_SUPERUSER_PASSWORD)
 */
public class BulkSubmission {

    /** The periods of a quarterly indicator of a 2021–2025 plan: the years and their quarters. */
    private static final List<String> PERIODS = periods();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("plan")) {
            publish(args[1], args[2], Files.readString(Path.of(args[3])), args[4], Integer.parseInt(args[5]));
            return;
        }
        String gateway = args[0];
        String token = args[1];
        String plan = args[3];
        int rows = Integer.parseInt(args[4]);
        int warmups = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        boolean noWait = args.length > 7 && args[7].equals("--no-wait");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI submissions = URI.create(gateway + "/api/v1/plans/" + plan + "/submissions");
        try (Connection db = DriverManager.getConnection(args[2], "postgres",
                System.getenv("PLANWATCH_PG_SUPERUSER_PASSWORD"))) {
            for (int i = 0; i < warmups + rounds; i++) {
                long before = folded(db);
                String body = body(rows, -1);
                Instant sentAt = Instant.now();
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(post(submissions, token, body),
                        HttpResponse.BodyHandlers.ofString());
                // A plan just published reaches programme-service through the log: until then, 404.
                for (int tries = 0; i == 0 && answer.statusCode() == 404 && tries < 60; tries++) {
                    Thread.sleep(1000);
                    sentAt = Instant.now();
                    sent = System.nanoTime();
                    answer = http.send(post(submissions, token, body), HttpResponse.BodyHandlers.ofString());
                }
                long accepted = System.nanoTime();
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException("submission answered " + answer.statusCode() + ": "
                            + answer.body().substring(0, Math.min(500, answer.body().length())));
                }
                if (noWait) {
                    continue;
                }
                // When the view began to fold it as well as when it had all of it: a late start is the log or the
                // consumer waiting, a slow finish is the fold itself. The view's count of events folded is cheap to
                // poll but counts every event, so its verdict is checked against the submission's own facts (all
                // recorded at its acceptance): events still being folded from before can neither hide nor stand in
                // for the submission's.
                long firstFolded = -1;
                long visible = -1;
                long deadline = accepted + 120_000_000_000L;
                while (System.nanoTime() < deadline) {
                    long folded = folded(db);
                    if (firstFolded < 0 && folded > before) {
                        firstFolded = System.nanoTime();
                    }
                    if (folded >= before + rows) {
                        if (factsSince(db, plan, sentAt) >= rows) {
                            visible = System.nanoTime();
                            break;
                        }
                        Thread.sleep(40);
                    }
                    Thread.sleep(10);
                }
                if (i < warmups) {
                    continue;
                }
                double acceptS = (accepted - sent) / 1e9;
                System.out.printf(Locale.ROOT, "PERF_RESULT round=%d rows=%d accept_ms=%.0f rows_per_s=%.0f"
                                + " first_folded_after_202_ms=%s visible_after_202_ms=%s%n", i - warmups + 1, rows,
                        acceptS * 1000, rows / acceptS, afterAccepted(firstFolded, accepted),
                        afterAccepted(visible, accepted));
            }

            if (noWait) {
                return;
            }
            // One bad row among ROWS: refused whole, nothing recorded anywhere.
            String[] models = {"indicator.observation", "programme.reported_indicator", "reporting.indicator_fact"};
            long[] before = settled(db, models);
            HttpResponse<String> refused = http.send(post(submissions, token, body(rows, rows / 2)),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(3000);
            long[] after = counts(db, models);
            System.out.printf(Locale.ROOT, "PERF_RESULT bad_row_status=%d bad_row_field=%s read_models_unchanged=%s"
                            + " counts_before=%s counts_after=%s%n", refused.statusCode(),
                    refused.body().replaceAll("(?s).*\"field\"\\s*:\\s*\"([^\"]*)\".*", "$1"),
                    Arrays.equals(before, after), Arrays.toString(before).replace(" ", ""),
                    Arrays.toString(after).replace(" ", ""));
        }
    }

    /** ROWS values, each of another indicator and period of the bulk plan; row BAD negative. */
    private static String body(int rows, int bad) {
        List<String> items = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String value = i == bad ? "-5" : String.valueOf(10 + i % 7);
            items.add("{\"indicator\":\"" + code(i / PERIODS.size()) + "\",\"period\":\"" + PERIODS.get(i % PERIODS.size())
                    + "\",\"value\":" + value + ",\"comment\":\"批量报送\"}");
        }
        return "{\"observations\":[" + String.join(",", items) + "]}";
    }

    private static String code(int indicator) {
        return String.format(Locale.ROOT, "BULK-%03d", indicator + 1);
    }

    private static List<String> periods() {
        List<String> periods = new ArrayList<>();
        for (int year = 2021; year <= 2025; year++) {
            periods.add(String.valueOf(year));
            for (int q = 1; q <= 4; q++) {
                periods.add(year + "-Q" + q);
            }
        }
        return periods;
    }

    private static void publish(String gateway, String lead, String shipped, String plan, int indicators)
            throws Exception {
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < indicators; i++) {
            more.append("""
                      - code: %s
                        number: %d
                        nameZh: 批量报送测试指标%d
                        nameEn: Bulk test indicator %d
                        unit: {code: patents, symbolZh: 件, nameEn: patents, kind: COUNT}
                        baseline: {year: 2020, value: 10}
                        target: {year: 2025, value: 20}
                        increase: 10
                        attribute: EXPECTED
                        direction: 1
                        responsibleAgency: CNIPA
                        frequency: QUARTERLY
                        bounds: {min: 0, max: null}
                    """.formatted(code(i), 100 + i, i + 1, i + 1));
        }
        String document = shipped.replaceFirst("(?m)^  id: ip-2021-2025$", "  id: " + plan)
                .replaceFirst("(?m)^indicators:\n", "indicators:\n" + Matcher.quoteReplacement(more.toString()));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/plans/" + plan))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + lead)
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(document)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (published.statusCode() != 202) {
            throw new IllegalStateException("publishing " + plan + ": " + published.statusCode() + " "
                    + published.body().substring(0, Math.min(2000, published.body().length())));
        }
    }

    private static HttpRequest post(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * The tables' counts once every projector has folded the submissions before: the national view is not always the
     * last of them, and a count still growing would pass for a bad submission recorded.
     */
    private static long[] settled(Connection db, String[] tables) throws Exception {
        long[] previous = counts(db, tables);
        for (int tries = 0; tries < 240; tries++) {
            Thread.sleep(500);
            long[] now = counts(db, tables);
            if (Arrays.equals(previous, now)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("read models still growing after 120 s: " + Arrays.toString(previous));
    }

    private static long[] counts(Connection db, String[] tables) throws Exception {
        long[] counts = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            counts[i] = count(db, tables[i]);
        }
        return counts;
    }

    private static String afterAccepted(long at, long accepted) {
        return at < 0 ? "never" : String.format(Locale.ROOT, "%.0f", (at - accepted) / 1e6);
    }

    /** The national view's facts of the plan recorded from an instant on. */
    private static long factsSince(Connection db, String plan, Instant from) throws Exception {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from reporting.indicator_fact where plan = ? and recorded_at >= ?")) {
            s.setString(1, plan);
            s.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The events the national view has folded: one row to read, where counting the facts grows with them. */
    private static long folded(Connection db) throws Exception {
        return value(db, "select coalesce(max(events_applied), 0) from reporting.view_freshness");
    }

    private static long value(Connection db, String query) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
