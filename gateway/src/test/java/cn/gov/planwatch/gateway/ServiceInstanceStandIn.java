package cn.gov.planwatch.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One instance of a service behind the gateway, a real HTTP server: it answers every API request with its own name
 * and records it, and answers its readiness probe with 200, or 503 while it is made unready. It can hold its
 * answers: then it records each API request at once and answers it only when released (or after a minute).
 */
final class ServiceInstanceStandIn implements AutoCloseable {

    static final String READINESS = "/actuator/health/readiness";

    private final String name;
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile CompletableFuture<Void> answersReleased = CompletableFuture.completedFuture(null);

    ServiceInstanceStandIn(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(READINESS, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(ready.get() ? 200 : 503, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            answersReleased.join();
            byte[] answer = name.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // A held answer must not hold up the readiness probe or other requests.
        server.setExecutor(handlers);
        server.start();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The API requests that reached it: method, path and query, body. */
    List<String> received() {
        return List.copyOf(received);
    }

    void setReady(boolean ready) {
        this.ready.set(ready);
    }

    /** API requests from now on are recorded but not answered until {@link #releaseAnswers()}. */
    void holdAnswers() {
        answersReleased = new CompletableFuture<Void>().completeOnTimeout(null, 1, TimeUnit.MINUTES);
    }

    /** Answers every held request, and those that come later at once. */
    void releaseAnswers() {
        answersReleased.complete(null);
    }

    /** Stops listening: connections to it are refused from now on. */
    @Override
    public void close() {
        releaseAnswers();
        server.stop(0);
        handlers.shutdownNow();
    }
}
