import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness: how long from a 202 until the report shows in GET /api/v1/national-view.
 *
 * <p>One sender per indicator given (each its own thread) sends a tagged report — a value no other report of the
 * run has — waits for its 202, then polls the national view every {@code pollMs} until the report's eventId is in
 * it (the view lists, per indicator, the eventIds behind the figures), then sends the next one. Run it while wrk
 * drives background load on another indicator. Prints one PERF_RESULT line.
 *
 * <p>A report not visible 15 s after its 202 counts as a sample of 15 s (censored) and in {@code not_visible_in_15s}.
 *
 * <p>Two bounds per sample: {@code upper} = the response that first showed the event arrived (includes that one
 * read's latency); {@code lower} = that read was sent (the event became visible at some point in between, or during
 * the poll interval before it).
 *
 * <p>Usage: java Freshness.java GATEWAY_URL REPORTER_TOKEN LEAD_TOKEN SECONDS POLL_MS PERIOD CODE=BASE [CODE=BASE …]
 */
public class Freshness {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final long GIVE_UP_NANOS = Duration.ofSeconds(15).toNanos();

    record Sample(double upperMs, double lowerMs) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String reporter = args[1];
        String lead = args[2];
        long seconds = Long.parseLong(args[3]);
        long pollMs = Long.parseLong(args[4]);
        String period = args[5];
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();

        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger neverSeen = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] codeAndBase = args[i].split("=");
            String code = codeAndBase[0];
            double base = Double.parseDouble(codeAndBase[1]);
            Thread sender = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    n++;
                    // Distinct per report: the base plus a counter in thousandths.
                    String value = String.format(Locale.ROOT, "%.3f", base + n / 1000.0);
                    String body = "{\"period\":\"" + period + "\",\"value\":" + value
                            + ",\"comment\":\"freshness probe " + n + "\",\"source\":\"perf/java/Freshness.java\"}";
                    try {
                        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(gateway + "/api/v1/indicators/" + code + "/observations"))
                                .header("Authorization", "Bearer " + reporter)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long accepted = System.nanoTime();
                        Matcher id = EVENT_ID.matcher(answer.body());
                        if (answer.statusCode() != 202 || !id.find()) {
                            refused.incrementAndGet();
                            continue;
                        }
                        String eventId = id.group(1);
                        while (true) {
                            long sent = System.nanoTime();
                            HttpResponse<String> view = HTTP.send(HttpRequest.newBuilder(
                                            URI.create(gateway + "/api/v1/national-view"))
                                    .header("Authorization", "Bearer " + lead)
                                    .timeout(Duration.ofSeconds(30)).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long arrived = System.nanoTime();
                            if (view.statusCode() == 200 && view.body().contains(eventId)) {
                                samples.add(new Sample((arrived - accepted) / 1e6,
                                        Math.max(0, sent - accepted) / 1e6));
                                break;
                            }
                            if (arrived - accepted > GIVE_UP_NANOS) {
                                // Counted, as a sample of (at least) the time waited: p99 must not hide it.
                                neverSeen.incrementAndGet();
                                samples.add(new Sample((arrived - accepted) / 1e6, (sent - accepted) / 1e6));
                                break;
                            }
                            Thread.sleep(pollMs);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }, "freshness-" + code);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        List<Double> upper = samples.stream().map(Sample::upperMs).sorted().toList();
        List<Double> lower = samples.stream().map(Sample::lowerMs).sorted().toList();
        System.out.printf(Locale.ROOT,
                "PERF_RESULT samples=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f lower_p50_ms=%.1f lower_p99_ms=%.1f"
                        + " not_202=%d not_visible_in_15s=%d%n",
                samples.size(), pct(upper, 50), pct(upper, 99), pct(upper, 100), pct(lower, 50), pct(lower, 99),
                refused.get(), neverSeen.get());
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
