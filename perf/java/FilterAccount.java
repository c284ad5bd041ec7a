import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a gateway's CPU goes, filter by filter, from a JFR recording of it under load ({@code settings=profile}).
 *
 * <p>Each execution sample is given to the innermost filter on its stack: a class with a
 * {@code filter(ServerWebExchange, …Chain)} frame in the recording (a {@code WebFilter}, {@code GlobalFilter} or
 * {@code GatewayFilter}; lambdas and inner classes count as the class that declares them), except the chains and
 * adapters that only pass a request on. A reactive filter mostly assembles operators that run after it has returned,
 * so a sample whose stack holds no filter is given to the library of its innermost frame outside the JDK: what ran
 * between the filters (Reactor, Netty, Micrometer, Spring Security's firewall, …).
 *
 * <p>{@code java FilterAccount RECORDING [CPU_MS_PER_REQUEST]}: one markdown table, rows by share of the samples,
 * with each row's share of the given CPU per request in ms.
 */
public class FilterAccount {

    /** Classes with a filter method that only hand the request to the next filter: not filters of their own. */
    private static final Set<String> PASS_ON = Set.of(
            "org.springframework.web.server.handler.DefaultWebFilterChain",
            "org.springframework.web.server.handler.FilteringWebHandler",
            "org.springframework.cloud.gateway.handler.FilteringWebHandler",
            "org.springframework.cloud.gateway.filter.OrderedGatewayFilter",
            "org.springframework.security.web.server.WebFilterChainProxy",
            "org.springframework.security.web.server.DefaultSecurityFilterChain",
            "org.springframework.security.web.server.MatcherSecurityWebFilterChain",
            "org.springframework.boot.webflux.filter.OrderedWebFilter",
            "org.springframework.web.filter.reactive.ServerWebExchangeContextFilter");

    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("reactor.netty.", "Netty and reactor-netty (server and client I/O)");
        LIBRARIES.put("io.netty.", "Netty and reactor-netty (server and client I/O)");
        LIBRARIES.put("reactor.", "Reactor operators");
        LIBRARIES.put("io.micrometer.", "Micrometer and OpenTelemetry (timers, spans, key values)");
        LIBRARIES.put("io.opentelemetry.", "Micrometer and OpenTelemetry (timers, spans, key values)");
        LIBRARIES.put("org.springframework.security.", "Spring Security outside its filters (firewall, matchers, "
                + "bearer-token conversion, the chain's observation)");
        LIBRARIES.put("org.springframework.cloud.gateway.", "Spring Cloud Gateway outside its filters (route "
                + "matching, handler mapping)");
        LIBRARIES.put("org.springframework.", "Spring Framework (web handling, codecs, header maps)");
        LIBRARIES.put("io.lettuce.", "Lettuce (the Redis client)");
        LIBRARIES.put("ch.qos.logback.", "Logback");
        LIBRARIES.put("org.slf4j.", "Logback");
        LIBRARIES.put("com.nimbusds.", "Nimbus (tokens)");
        LIBRARIES.put("cn.gov.planwatch.", "PlanWatch outside a filter");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FilterAccount RECORDING [CPU_MS_PER_REQUEST]");
            System.exit(2);
        }
        double msPerRequest = args.length > 1 ? Double.parseDouble(args[1]) : Double.NaN;
        List<List<RecordedFrame>> stacks = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                stacks.add(event.getStackTrace().getFrames());
            }
        }
        Set<String> filters = new HashSet<>();
        for (List<RecordedFrame> frames : stacks) {
            for (RecordedFrame frame : frames) {
                if (isFilterMethod(frame.getMethod())) {
                    filters.add(declaring(frame.getMethod()));
                }
            }
        }
        filters.removeAll(PASS_ON);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> methods = new HashMap<>();
        for (List<RecordedFrame> frames : stacks) {
            String place = place(frames, filters);
            counts.merge(place, 1, Integer::sum);
            methods.computeIfAbsent(place, p -> new HashMap<>()).merge(innermostOutsideJdk(frames), 1, Integer::sum);
        }
        print(counts, stacks.size(), msPerRequest);
        printMethods(counts, methods, stacks.size());
    }

    /** {@code filter(ServerWebExchange, WebFilterChain)} or {@code filter(ServerWebExchange, GatewayFilterChain)}. */
    private static boolean isFilterMethod(RecordedMethod method) {
        return method.getName().equals("filter")
                && method.getDescriptor().startsWith("(Lorg/springframework/web/server/ServerWebExchange;")
                && method.getDescriptor().contains("FilterChain;");
    }

    /** The class that declares a method, its lambdas and inner classes counted as the class around them. */
    private static String declaring(RecordedMethod method) {
        String name = method.getType().getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) {
            name = name.substring(0, lambda);
        }
        int inner = name.indexOf('$');
        return inner >= 0 ? name.substring(0, inner) : name;
    }

    private static boolean inJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("javax.");
    }

    private static String innermostOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!inJdk(type)) {
                return declaring(frame.getMethod()) + "." + frame.getMethod().getName();
            }
        }
        return "(the JDK)";
    }

    private static String place(List<RecordedFrame> frames, Set<String> filters) {
        for (RecordedFrame frame : frames) {
            String type = declaring(frame.getMethod());
            if (filters.contains(type)) {
                return "filter " + type.substring(type.lastIndexOf('.') + 1);
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (inJdk(type)) {
                continue;
            }
            for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
                if (type.startsWith(library.getKey())) {
                    return "outside any filter: " + library.getValue();
                }
            }
            return "outside any filter: other (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
        }
        return "outside any filter: the JDK alone (GC, I/O, collections)";
    }

    /** Under the table: for each place of 5 % or more outside any filter, the methods most often innermost there. */
    private static void printMethods(Map<String, Integer> counts, Map<String, Map<String, Integer>> methods,
            int samples) {
        System.out.println();
        counts.entrySet().stream()
                .filter(row -> row.getKey().startsWith("outside") && row.getValue() >= 0.05 * samples)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(row -> {
                    StringBuilder line = new StringBuilder("- " + row.getKey() + ", most often innermost:");
                    methods.get(row.getKey()).entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                            .limit(4)
                            .forEach(m -> line.append(String.format(Locale.ROOT, " `%s` %.1f %%;",
                                    m.getKey().substring(m.getKey().lastIndexOf('.', m.getKey().lastIndexOf('.') - 1) + 1),
                                    100.0 * m.getValue() / samples)));
                    System.out.println(line.substring(0, line.length() - 1));
                });
    }

    private static void print(Map<String, Integer> counts, int samples, double msPerRequest) {
        boolean ms = !Double.isNaN(msPerRequest);
        System.out.println("| where | share of the samples |" + (ms ? " ms of CPU per request |" : ""));
        System.out.println("|---|---|" + (ms ? "---|" : ""));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(row -> {
                    double share = (double) row.getValue() / samples;
                    String where = row.getKey().startsWith("filter ")
                            ? "`" + row.getKey().substring("filter ".length()) + "`" : row.getKey();
                    System.out.println(String.format(Locale.ROOT, "| %s | %.1f %% |", where, 100 * share)
                            + (ms ? String.format(Locale.ROOT, " %.3f |", share * msPerRequest) : ""));
                });
        System.out.println(String.format(Locale.ROOT, "| all (%d samples) | 100 %% |", samples)
                + (ms ? String.format(Locale.ROOT, " %.3f |", msPerRequest) : ""));
    }
}
