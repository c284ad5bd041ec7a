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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Every report carries its own {@code Idempotency-Key} (column {@code key}). {@code settle} then does what a
 * ministry's client is told to do with an unknown outcome (no answer, a 5xx other than 503): send the same report
 * again under the same key, waiting out 409 (the first attempt's claim still in flight, up to the service's
 * abandoned-after) and 503, until the answer is a 202 or a refusal. It writes the CSV again with the settled
 * answers (the first one in a last column, {@code first}) and prints how many were settled which way.
 *
 * <p>Usage: java SteadyReports.java GATEWAYS ISSUER CLIENT_ID SECRET RATE SECONDS OUT [period=YYYY] [stop=FILE]
 * CODE=BASE …<br>
 * java SteadyReports.java settle GATEWAY ISSUER CLIENT_ID SECRET IN OUT period=YYYY
 */
public class SteadyReports {

    static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z0-9-]+)\"");

    record Outcome(int n, String indicator, String value, long sentMs, long answeredMs, int status, String eventId,
                   String retryAfter, String error, boolean problem, String problemType, String key) {
    }

    static final String CSV_HEADER = "n,indicator,value,sent_ms,answered_ms,status,eventId,retryAfter,error,problem,"
            + "problemType,key";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static volatile String token;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("settle")) {
            settle(args);
            return;
        }
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
            String body = body(reportedPeriod, value, n);
            String key = "fault-" + begin + "-" + n;
            long sent = System.currentTimeMillis();
            CompletableFuture<Void> done = send(gateway, indicator[0], key, body)
                    .thenCompose(answer -> {
                        if (answer.statusCode() == 401) { // the token expired or the issuer's keys changed
                            tokenRefreshes.incrementAndGet();
                            try {
                                token = fetchToken(issuer, clientId, secret);
                            } catch (Exception e) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            return send(gateway, indicator[0], key, body);
                        }
                        return CompletableFuture.completedFuture(answer);
                    })
                    .handle((answer, failure) -> {
                        long answered = System.currentTimeMillis();
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            outcomes.add(new Outcome(n, indicator[0], value, sent - begin, answered - begin, 0, "",
                                    "", cause.getClass().getSimpleName(), false, "", key));
                        } else {
                            Matcher id = EVENT_ID.matcher(answer.body());
                            outcomes.add(new Outcome(n, indicator[0], value, sent - begin, answered - begin,
                                    answer.statusCode(),
                                    answer.statusCode() == 202 && id.find() ? id.group(1) : "",
                                    answer.headers().firstValue("Retry-After").orElse(""), "",
                                    answer.headers().firstValue("Content-Type").orElse("")
                                            .startsWith("application/problem+json"), problemType(answer.body()),
                                    key));
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
            csv.println(CSV_HEADER);
            for (Outcome o : sorted) {
                csv.println(line(o));
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

    /** Whether the client cannot know from this answer whether the report was recorded. */
    static boolean unknown(int status) {
        return status == 0 || status >= 500 && status != 503;
    }

    static void settle(String[] args) throws Exception {
        String gateway = args[1];
        String issuer = args[2];
        String clientId = args[3];
        String secret = args[4];
        Path in = Path.of(args[5]);
        Path out = Path.of(args[6]);
        String period = args[7].substring("period=".length());
        token = fetchToken(issuer, clientId, secret);
        List<String> lines = Files.readAllLines(in);
        List<String> settledLines = new ArrayList<>();
        List<CompletableFuture<String>> pendingLines = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        long deadline = System.currentTimeMillis() + 240_000;
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger stillUnknown = new AtomicInteger();
        AtomicInteger resends = new AtomicInteger();
        Map<String, Integer> firstAnswers = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int status = Integer.parseInt(f[5]);
            if (!unknown(status)) {
                pendingLines.add(CompletableFuture.completedFuture(line + ","));
                continue;
            }
            String first = status == 0 ? "no-answer:" + f[8] : status + (f[10].isEmpty() ? "" : ":" + f[10]);
            firstAnswers.merge(first, 1, Integer::sum);
            int n = Integer.parseInt(f[0]);
            pendingLines.add(CompletableFuture.supplyAsync(() -> {
                String body = body(period, f[2], n);
                while (true) {
                    HttpResponse<String> answer;
                    try {
                        resends.incrementAndGet();
                        answer = send(gateway, f[1], f[11], body).get();
                        if (answer.statusCode() == 401) {
                            token = fetchToken(issuer, clientId, secret);
                            continue;
                        }
                    } catch (Exception e) {
                        answer = null;
                    }
                    int got = answer == null ? 0 : answer.statusCode();
                    boolean definite = got == 202 || got >= 400 && got < 500 && got != 409;
                    if (definite || System.currentTimeMillis() > deadline) {
                        Matcher id = EVENT_ID.matcher(answer == null ? "" : answer.body());
                        (got == 202 ? accepted : definite ? refused : stillUnknown).incrementAndGet();
                        String problem = answer == null ? "" : problemType(answer.body());
                        return String.join(",", f[0], f[1], f[2], f[3], f[4], Integer.toString(got),
                                got == 202 && id.find() ? id.group(1) : "", "", "", Boolean.toString(!problem.isEmpty()),
                                problem, f[11], first);
                    }
                    long wait = answer == null ? 2 : answer.headers().firstValue("Retry-After").map(Long::parseLong)
                            .orElse(2L);
                    try {
                        Thread.sleep(Math.min(wait, 5) * 1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return line + ",";
                    }
                }
            }, pool));
        }
        for (CompletableFuture<String> line : pendingLines) {
            settledLines.add(line.get());
        }
        pool.shutdown();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            csv.println(CSV_HEADER + ",first");
            settledLines.forEach(csv::println);
        }
        long acceptedTotal = settledLines.stream().filter(l -> l.split(",", -1)[5].equals("202")).count();
        StringBuilder firsts = new StringBuilder();
        firstAnswers.forEach((kind, count) -> firsts.append(firsts.length() == 0 ? "" : ";").append(kind).append('×')
                .append(count));
        System.out.printf(Locale.ROOT, "PERF_RESULT unknown=%d settled_accepted=%d settled_refused=%d"
                        + " still_unknown=%d resends=%d accepted_total=%d first_answers=%s%n",
                firstAnswers.values().stream().mapToInt(Integer::intValue).sum(), accepted.get(), refused.get(),
                stillUnknown.get(), resends.get(), acceptedTotal, firsts.length() == 0 ? "-" : firsts);
    }

    static String line(Outcome o) {
        return String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%s,%s,%s,%s,%s,%s", o.n(), o.indicator(), o.value(),
                o.sentMs(), o.answeredMs(), o.status(), o.eventId(), o.retryAfter(), o.error(), o.problem(),
                o.problemType(), o.key());
    }

    static String body(String period, String value, int n) {
        return "{\"period\":\"" + period + "\",\"value\":" + value + ",\"comment\":\"fault suite report " + n
                + "\",\"source\":\"perf/java/SteadyReports.java\"}";
    }

    static String problemType(String body) {
        Matcher type = PROBLEM_TYPE.matcher(body == null ? "" : body);
        return type.find() ? type.group(1) : "";
    }

    private static final AtomicInteger NEXT_GATEWAY = new AtomicInteger();

    /** The gateways whose readiness answered 200 at the last look, by address; read once a second per gateway. */
    private static final Map<String, Boolean> READY = new ConcurrentHashMap<>();

    /**
     * GATEWAYS is one gateway's address or several, comma-separated: reports go round those whose readiness says
     * they take traffic (all of them if none does), and a report whose connection is refused (nothing was sent: a
     * gateway stopping or killed) goes to the next — what a client behind a load balancer checking readiness sees.
     */
    static CompletableFuture<HttpResponse<String>> send(String gateways, String code, String key, String body) {
        String[] all = gateways.split(",");
        if (all.length > 1) {
            followReadiness(all);
        }
        String[] each = Arrays.stream(all).filter(g -> READY.getOrDefault(g, true)).toArray(String[]::new);
        if (each.length == 0) {
            each = all;
        }
        return sendFrom(each, Math.floorMod(NEXT_GATEWAY.getAndIncrement(), each.length), each.length, code, key, body);
    }

    private static final AtomicBoolean FOLLOWING = new AtomicBoolean();

    private static void followReadiness(String[] gateways) {
        if (!FOLLOWING.compareAndSet(false, true)) {
            return;
        }
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Thread follower = new Thread(() -> {
            while (true) {
                for (String gateway : gateways) {
                    boolean ready;
                    try {
                        ready = probe.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    } catch (Exception e) {
                        ready = false;
                    }
                    READY.put(gateway, ready);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gateway-readiness");
        follower.setDaemon(true);
        follower.start();
    }

    private static CompletableFuture<HttpResponse<String>> sendFrom(String[] gateways, int index, int triesLeft,
            String code, String key, String body) {
        return sendTo(gateways[index], code, key, body).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof java.net.ConnectException && triesLeft > 1) {
                return sendFrom(gateways, (index + 1) % gateways.length, triesLeft - 1, code, key, body);
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    private static CompletableFuture<HttpResponse<String>> sendTo(String gateway, String code, String key, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/indicators/" + code + "/observations"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
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
