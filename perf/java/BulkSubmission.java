import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Bulk submission as a ministry sends it: {@code ROWS} indicator values in one {@code POST …/submissions} through the
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

    private static final List<String> INDICATORS = List.of("IND-01", "IND-02", "IND-03", "IND-04", "IND-05");

    public static void main(String[] args) throws Exception {
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
                long before = count(db, "reporting.indicator_fact");
                String body = body(rows, -1);
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(post(submissions, token, body),
                        HttpResponse.BodyHandlers.ofString());
                long accepted = System.nanoTime();
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException("submission answered " + answer.statusCode() + ": "
                            + answer.body().substring(0, Math.min(500, answer.body().length())));
                }
                if (noWait) {
                    continue;
                }
                long visible = -1;
                long deadline = accepted + 120_000_000_000L;
                while (System.nanoTime() < deadline) {
                    if (count(db, "reporting.indicator_fact") >= before + rows) {
                        visible = System.nanoTime();
                        break;
                    }
                    Thread.sleep(10);
                }
                if (i < warmups) {
                    continue;
                }
                double acceptS = (accepted - sent) / 1e9;
                System.out.printf(Locale.ROOT, "PERF_RESULT round=%d rows=%d accept_ms=%.0f rows_per_s=%.0f"
                                + " visible_after_202_ms=%s%n", i - warmups + 1, rows, acceptS * 1000, rows / acceptS,
                        visible < 0 ? "never" : String.format(Locale.ROOT, "%.0f", (visible - accepted) / 1e6));
            }

            if (noWait) {
                return;
            }
            // One bad row among ROWS: refused whole, nothing recorded anywhere.
            String[] models = {"indicator.observation", "programme.reported_indicator", "reporting.indicator_fact"};
            long[] before = counts(db, models);
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

    /** ROWS values of the agency's indicators for 2021–2025 (later rows revise earlier ones); row BAD negative. */
    private static String body(int rows, int bad) {
        List<String> items = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int year = 2021 + (i / INDICATORS.size()) % 5;
            String value = i == bad ? "-5" : String.valueOf(year % 100);
            items.add("{\"indicator\":\"" + INDICATORS.get(i % INDICATORS.size()) + "\",\"period\":\"" + year
                    + "\",\"value\":" + value + ",\"comment\":\"批量报送\"}");
        }
        return "{\"observations\":[" + String.join(",", items) + "]}";
    }

    private static HttpRequest post(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long[] counts(Connection db, String[] tables) throws Exception {
        long[] counts = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            counts[i] = count(db, tables[i]);
        }
        return counts;
    }

    private static long count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
