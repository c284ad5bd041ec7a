import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady stream of indicator reports for the fault suite: RATE reports a second, open loop (a report is sent on
 * schedule whether or not earlier ones were answered), for SECONDS seconds, then waits for the last answers.
 *
 * <p>Every report is identifiable without its answer: report n carries a value no other report of the run has
 * ({@code base + n / 10000}) on its indicator, so the read models can be asked about it by (indicator, value) even
 * when the client never learnt its eventId. Writes one CSV line per report to OUT:
 * {@code n,indicator,value,sent_ms,answered_ms,status,eventId,retryAfter,error,problem,problemType} (status 0 = no
 * HTTP answer; problem = the answer was {@code application/problem+json}, problemType the last segment of its type),
 * and prints a PERF_RESULT summary and a per-second
 * timeline of outcomes. Reports are for period 2023 unless an argument {@code period=YYYY} says otherwise. With
 * {@code stop=FILE} the stream also ends, before SECONDS, as soon as FILE exists (the fault suite ends it once the
 * stack has recovered).
 *
 * <p>Usage: java SteadyReports.java GATEWAY ISSUER CLIENT_ID SECRET RATE SECONDS OUT [period=YYYY] [stop=FILE]
 * CODE=BASE …
 */
public class SteadyReports {

    static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z0-9-]+)\"");

    record Outcome(int n, String indicator, String value, long sentMs, long answeredMs, int status, String eventId,
                   String retryAfter, String error, boolean problem, String problemType) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static volatile String token;

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String issuer = args[1];
        String clientId = args[2];
        String secret = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        List<String[]> indicators = new ArrayList<>();
        String period = "2023";
        Path stopFile = null;
        for (int i = 7; i < args.length; i++) {
            if (args[i].startsWith("period=")) {
                period = args[i].substring("period=".length());
            } else if (args[i].startsWith("stop=")) {
                stopFile = Path.of(args[i].substring("stop=".length()));
            } else {
                indicators.add(args[i].split("="));
            }
        }
        String reportedPeriod = period;
        Path stop = stopFile;
        token = fetchToken(issuer, clientId, secret);

        long begin = System.currentTimeMillis();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        AtomicInteger tokenRefreshes = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        int total = rate * seconds;
        CompletableFuture<Void> allSent = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sentCount = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            if (allSent.isDone()) {
                return;
            }
            int n = next.incrementAndGet();
            if (n > total || stop != null && n % rate == 0 && Files.exists(stop)) {
                allSent.complete(null);
                return;
            }
            sentCount.set(n);
            String[] indicator = indicators.get(n % indicators.size());
            String value = new java.math.BigDecimal(indicator[1])
                    .add(java.math.BigDecimal.valueOf(n, 4)).toPlainString();
            String body = "{\"period\":\"" + reportedPeriod + "\",\"value\":" + value + ",\"comment\":\"fault suite report " + n
                    + "\",\"source\":\"perf/java/SteadyReports.java\"}";
            long sent = System.currentTimeMillis();
            CompletableFuture<Void> done = send(gateway, indicator[0], body)
                    .thenCompose(answer -> {
                        if (answer.statusCode() == 401) { // the token expired or the issuer's keys changed
                            tokenRefreshes.incrementAndGet();
                            try {
                                token = fetchToken(issuer, clientId, secret);
                            } catch (Exception e) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            return send(gateway, indicator[0], body);
                        }
                        return CompletableFuture.completedFuture(answer);
                    })
                    .handle((answer, failure) -> {
                        long answered = System.currentTimeMillis();
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            outcomes.add(new Outcome(n, indicator[0], value, sent - begin, answered - begin, 0, "",
                                    "", cause.getClass().getSimpleName(), false, ""));
                        } else {
                            Matcher id = EVENT_ID.matcher(answer.body());
                            outcomes.add(new Outcome(n, indicator[0], value, sent - begin, answered - begin,
                                    answer.statusCode(),
                                    answer.statusCode() == 202 && id.find() ? id.group(1) : "",
                                    answer.headers().firstValue("Retry-After").orElse(""), "",
                                    answer.headers().firstValue("Content-Type").orElse("")
                                            .startsWith("application/problem+json"), problemType(answer.body())));
                        }
                        return null;
                    });
            synchronized (pending) {
                pending.add(done);
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        allSent.get();
        clock.shutdown();
        List<CompletableFuture<Void>> all;
        synchronized (pending) {
            all = new ArrayList<>(pending);
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("some reports had no outcome 60 s after the last was sent");
        }

        List<Outcome> sorted = outcomes.stream().sorted((a, b) -> Integer.compare(a.n(), b.n())).toList();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            csv.println("n,indicator,value,sent_ms,answered_ms,status,eventId,retryAfter,error,problem,problemType");
            for (Outcome o : sorted) {
                csv.printf(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%s,%s,%s,%s,%s%n", o.n(), o.indicator(), o.value(),
                        o.sentMs(), o.answeredMs(), o.status(), o.eventId(), o.retryAfter(), o.error(), o.problem(),
                        o.problemType());
            }
        }
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<Long, Map<String, Integer>> timeline = new TreeMap<>();
        int withRetryAfter = 0;
        int refusalsNotProblem = 0;
        for (Outcome o : sorted) {
            if (o.status() != 0 && o.status() != 202 && !o.problem()) {
                refusalsNotProblem++;
            }
            // 5xx other than 503 say which problem they are: a service's "outcome unknown" from a gateway's timeout.
            String kind = o.status() == 0 ? "no-answer:" + o.error()
                    : o.status() >= 500 && o.status() != 503 && !o.problemType().isEmpty()
                            ? o.status() + ":" + o.problemType() : Integer.toString(o.status());
            byOutcome.merge(kind, 1, Integer::sum);
            if (o.status() == 503 && !o.retryAfter().isEmpty()) {
                withRetryAfter++;
            }
            timeline.computeIfAbsent(o.sentMs() / 1000, s -> new TreeMap<>()).merge(kind, 1, Integer::sum);
        }
        System.out.println("timeline (second of sending: outcomes)");
        timeline.forEach((second, kinds) -> System.out.printf("  %3d s  %s%n", second, kinds));
        long accepted = sorted.stream().filter(o -> o.status() == 202).count();
        StringBuilder kinds = new StringBuilder();
        byOutcome.forEach((kind, count) -> kinds.append(kinds.length() == 0 ? "" : ";").append(kind).append('×')
                .append(count));
        System.out.printf(Locale.ROOT, "PERF_RESULT sent=%d answered=%d accepted=%d status_503=%d"
                        + " status_503_with_retry_after=%d not_problem_json=%d outcomes=%s token_refreshes=%d"
                        + " begin_epoch_ms=%d%n",
                sentCount.get(), sorted.size(), accepted, byOutcome.getOrDefault("503", 0), withRetryAfter,
                refusalsNotProblem,
                kinds, tokenRefreshes.get(), begin);
    }

    static String problemType(String body) {
        Matcher type = PROBLEM_TYPE.matcher(body == null ? "" : body);
        return type.find() ? type.group(1) : "";
    }

    static CompletableFuture<HttpResponse<String>> send(String gateway, String code, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/indicators/" + code + "/observations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String fetchToken(String issuer, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from " + issuer + ": " + answer.statusCode());
        }
        return m.group(1);
    }
}
