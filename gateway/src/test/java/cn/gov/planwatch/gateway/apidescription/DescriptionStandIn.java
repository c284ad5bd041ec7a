package cn.gov.planwatch.gateway.apidescription;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the services' {@code /v3/api-docs}: service {@code s} is at {@link #url}(s) and
 * serves {@code service-descriptions/s.json}, or 503 while it is {@link #starting}.
 */
public final class DescriptionStandIn {

    public static final Set<String> SERVICES = Set.of("indicator-service", "programme-service", "reporting-service");

    private final HttpServer server;
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unavailableFor = new ConcurrentHashMap<>();

    public DescriptionStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SERVICES.forEach(service -> served.put(service, resource(service)));
        server.createContext("/", exchange -> {
            String service = exchange.getRequestURI().getPath().split("/")[1];
            AtomicInteger refusals = unavailableFor.getOrDefault(service, new AtomicInteger());
            String description = served.get(service);
            if (description == null || !exchange.getRequestURI().getPath().endsWith("/v3/api-docs")) {
                exchange.sendResponseHeaders(404, -1);
            } else if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = description.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public String url(String service) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + service;
    }

    /** The base URLs of the three services, by name. */
    public Map<String, String> urls() {
        Map<String, String> urls = new TreeMap<>();
        SERVICES.forEach(service -> urls.put(service, url(service)));
        return urls;
    }

    /** {@code service} answers 503 to its next {@code requests} requests, as while it starts. */
    public void starting(String service, int requests) {
        unavailableFor.put(service, new AtomicInteger(requests));
    }

    /** {@code service} serves {@code description} from now on. */
    public void serve(String service, String description) {
        served.put(service, description);
    }

    public static String resource(String service) {
        try (InputStream in = DescriptionStandIn.class.getResourceAsStream("/service-descriptions/" + service + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
