package cn.gov.planwatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes a service maps compared with the operations its API description lists: every API route is described,
 * and nothing is described that the service does not serve. Routes outside the API (pages, the description itself,
 * the error page) are named by the test, so a new one is a decision, not an accident.
 */
public final class DescribedRoutes {

    private static final Set<String> DESCRIBED_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What every service maps outside its API: the error page and its own description (JSON, and YAML). */
    public static final Set<String> OUTSIDE_EVERY_API = Set.of("ANY /error", "GET /v3/api-docs",
            "GET /v3/api-docs.yaml");

    private DescribedRoutes() {
    }

    /** {@code METHOD /path/{variable}} for every route the service maps (patterns with any regex removed). */
    public static Set<String> mapped(RequestMappingHandlerMapping mapping) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String template = pattern.replaceAll("\\{([A-Za-z0-9_]+):[^}]*}", "{$1}");
                if (methods.isEmpty()) {
                    routes.add("ANY " + template);
                }
                methods.forEach(method -> routes.add(method.name() + " " + template));
            }
        }
        return routes;
    }

    /** {@code METHOD /path/{variable}} for every operation the description lists. */
    public static Set<String> described(ServedApiDescription description) {
        try {
            JsonNode paths = new ObjectMapper().readTree(description.json()).path("paths");
            Set<String> operations = new TreeSet<>();
            paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                String method = operation.getKey().toUpperCase();
                if (DESCRIBED_METHODS.contains(method)) {
                    operations.add(method + " " + path.getKey());
                }
            }));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the mapped route serves the described operation: the same, or the operation one of the route's values
     * (a route whose variable takes a few names, each described at its own path).
     */
    static boolean covers(String route, String operation) {
        if (route.equals(operation)) {
            return true;
        }
        String[] parts = route.split("\\{[^}/]+}", -1);
        String pattern = Arrays.stream(parts).map(Pattern::quote)
                .collect(Collectors.joining("[^/{}]+"));
        return parts.length > 1 && operation.matches(pattern);
    }

    /**
     * Every mapped route but {@link #OUTSIDE_EVERY_API} and {@code alsoOutsideTheApi} is described, and every
     * described operation is mapped; the routes outside the API are exactly those named.
     */
    public static void assertDescribed(RequestMappingHandlerMapping mapping, ServedApiDescription description,
            Set<String> alsoOutsideTheApi) {
        Set<String> outsideTheApi = new TreeSet<>(OUTSIDE_EVERY_API);
        outsideTheApi.addAll(alsoOutsideTheApi);
        Set<String> mapped = mapped(mapping);
        Set<String> described = described(description);
        Set<String> undescribed = new TreeSet<>(mapped);
        undescribed.removeIf(route -> described.stream().anyMatch(operation -> covers(route, operation)));
        assertThat(undescribed).as("routes the service maps that its API description does not list (left), "
                + "against those named as outside the API").isEqualTo(outsideTheApi);
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeIf(operation -> mapped.stream().anyMatch(route -> covers(route, operation)));
        assertThat(unserved).as("operations the API description lists that the service does not map").isEmpty();
        assertThat(described).as("the API description lists the service's operations").isNotEmpty();
    }
}
