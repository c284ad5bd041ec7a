package cn.gov.planwatch.gateway.warmup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends requests through this gateway's own port before it reports ready. A gateway started cold (a restarted
 * instance, a rolling upgrade) answers its first requests many times slower while its classes load and the JIT
 * compiles the filter chain; those first requests should be its own, not a ministry's. Application runners run after
 * the port is open and before readiness turns to ACCEPTING_TRAFFIC, so whoever balances over the gateways by their
 * readiness sends nothing here until this has finished.
 *
 * <p>The requests need no credentials and record nothing: a script through the proxy route to a service, API calls
 * refused 401 without a token and with one that is not a token, and the gateway's own liveness.
 */
public class GatewayWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GatewayWarmUp.class);

    /** Paths and methods that take the gateway's hot paths: proxying, token checks, problem answers. */
    private static final List<Request> ROUND = List.of(
            new Request("GET", "/assets/dashboard/dashboard.css", null),
            new Request("POST", "/api/v1/indicators/WARM-UP/observations", "not-a-token"),
            new Request("GET", "/api/v1/plans", null),
            new Request("GET", "/actuator/health/liveness", null));

    private final Settings settings;
    private final Environment environment;

    public GatewayWarmUp(Settings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        String port = environment.getProperty("local.server.port");
        if (settings.requests() <= 0 || port == null) {
            return;
        }
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        long deadline = started + settings.maxDuration().toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(settings.concurrency());
        for (int s = 0; s < settings.concurrency(); s++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < settings.requests() && System.nanoTime() < deadline;
                     i = next.getAndIncrement()) {
                    if (send(http, base, ROUND.get(i % ROUND.size()), deadline)) {
                        answered.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(settings.maxDuration().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
        log.info("Warmed up with {} of {} requests answered in {} ms; now taking traffic", answered.get(),
                Math.min(next.get(), settings.requests()), (System.nanoTime() - started) / 1_000_000);
    }

    /** True if the gateway answered, whatever it answered: a service that is down makes the route answer 503. */
    private static boolean send(HttpClient http, String base, Request request, long deadline) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofMillis(Math.min(left, 10_000)));
        if (request.bearer() != null) {
            builder.header("Authorization", "Bearer " + request.bearer());
        }
        if (request.method().equals("POST")) {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2025\",\"value\":1}"));
        }
        try {
            http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Request(String method, String path, String bearer) {
    }

    /**
     * {@code planwatch.gateway.warm-up}: how many requests (0: none), how many at a time, and the longest it may
     * hold readiness back (a service that does not answer must not keep the gateway out of service).
     */
    @ConfigurationProperties("planwatch.gateway.warm-up")
    public record Settings(int requests, int concurrency, Duration maxDuration) {
        public Settings {
            concurrency = Math.max(1, concurrency);
            maxDuration = maxDuration == null ? Duration.ofSeconds(60) : maxDuration;
        }
    }
}
