package cn.gov.planwatch.gateway;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for the services behind the gateway. It records what reached it (whole requests,
 * and those whose body broke off) and echoes method, path, Authorization and Cookie, and the body's size.
 */
final class ServiceStandIn {

    record Received(String method, String uri, String authorization, String cookie, int bodyBytes, String pageCsrf) {
    }

    private static ServiceStandIn shared;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> brokenOff = new CopyOnWriteArrayList<>();

    static synchronized ServiceStandIn shared() {
        if (shared == null) {
            shared = new ServiceStandIn();
        }
        return shared;
    }

    private ServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            byte[] body;
            try {
                body = exchange.getRequestBody().readAllBytes();
            } catch (IOException e) {
                brokenOff.add(uri);
                exchange.close();
                return;
            }
            Received request = new Received(exchange.getRequestMethod(), uri,
                    Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "-"),
                    Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Cookie"), "-"), body.length,
                    Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(PageCsrfToken.HEADER), "-"));
            received.add(request);
            byte[] answer = (request.method() + " " + request.uri() + " auth=" + request.authorization() + " cookie="
                    + request.cookie() + " bytes=" + request.bodyBytes()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every request, whole or broken off, whose path and query contain {@code marker}. */
    List<String> sawAnything(String marker) {
        List<String> seen = new java.util.ArrayList<>(brokenOff.stream().filter(uri -> uri.contains(marker)).toList());
        received.stream().map(Received::uri).filter(uri -> uri.contains(marker)).forEach(seen::add);
        return seen;
    }

    List<Received> received(String marker) {
        return received.stream().filter(r -> r.uri().contains(marker)).toList();
    }
}
