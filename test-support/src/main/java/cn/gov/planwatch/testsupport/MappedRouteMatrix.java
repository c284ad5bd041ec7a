package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix generated from what a service actually maps: every route of its request mappings × every
 * method × every kind of caller, each called over real HTTP and held to what {@link ApiAccessPolicy} demands. A new
 * endpoint is in the matrix the moment it is mapped, and fails it until a rule of the policy covers it.
 * <p>
 * Outcomes: {@code TRACE} is 405 (the container's); no token is 401; a method no rule names is 405; a role the rule does not name is 403; a method the
 * service does not map is 405; an object-level refusal the service declares is 403; anything else passes access
 * control (not 401, 403 or 405, and never a 5xx: a 4xx of validation is fine, the bodies sent are samples).
 * {@code HEAD} must answer exactly as {@code GET} does, whoever calls.
 */
public final class MappedRouteMatrix {

    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    /** The kinds of caller: none, a reporter of the item's agency or another, the plan's lead or another, operator. */
    public enum Caller { NO_TOKEN, REPORTER_OWN_AGENCY, REPORTER_OTHER_AGENCY, LEAD_OF_PLAN, LEAD_OTHER_AGENCY, OPERATOR }

    enum Outcome { UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, PASSES }

    /** A route the service maps: its pattern, a path made from it with sample values, and its methods. */
    public record Route(String pattern, String path, Set<String> methods) {
    }

    /** A refusal the service makes on the object, beyond the role: {@code caller} calling {@code method pattern}. */
    public record ObjectRefusal(String method, String pattern, Caller caller) {
    }

    /**
     * What to call with: the agency that owns the sample items, another agency (for the other reporter and the
     * other lead), sample values of path variables by name, sample JSON bodies by route pattern ({@code {}}
     * otherwise), and the object-level refusals the service makes.
     */
    public record Samples(String ownAgency, String otherAgency, Map<String, String> variables,
            Map<String, String> bodies, Set<ObjectRefusal> refusals) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)}");

    /** Every route of the service's handler methods but the public ones (the error page), with a sample path. */
    public static List<Route> routes(RequestMappingHandlerMapping mapping, Map<String, String> variables) {
        Map<String, Set<String>> methodsByPattern = new TreeMap<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> methods = new LinkedHashSet<>();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                methods.add(method.name());
            }
            if (methods.isEmpty()) {
                methods.addAll(METHODS);
            }
            for (String pattern : info.getPatternValues()) {
                methodsByPattern.computeIfAbsent(pattern, p -> new LinkedHashSet<>()).addAll(methods);
            }
        }
        List<Route> routes = new ArrayList<>();
        methodsByPattern.forEach((pattern, methods) -> {
            String path = samplePath(pattern, variables);
            if (!(ApiAccessPolicy.decide("GET", path) instanceof ApiAccessPolicy.Public)) {
                if (methods.contains("GET")) {
                    methods.add("HEAD");
                }
                routes.add(new Route(pattern, path, Set.copyOf(methods)));
            }
        });
        return routes;
    }

    /**
     * First, that a rule of the policy covers every mapped route and method; then one test per route × method ×
     * caller.
     */
    public static Stream<DynamicTest> of(RequestMappingHandlerMapping mapping, HttpCalls anonymous, Samples samples) {
        List<Route> routes = routes(mapping, samples.variables());
        assertThat(routes).as("routes the service maps").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("a rule of the access policy covers every mapped route and method", () -> {
            List<String> uncovered = new ArrayList<>();
            for (Route route : routes) {
                for (String method : route.methods()) {
                    if (!(ApiAccessPolicy.decide(method, route.path()) instanceof ApiAccessPolicy.Roles)) {
                        uncovered.add(method + " " + route.pattern());
                    }
                }
            }
            assertThat(uncovered).as("mapped routes that no rule of ApiAccessPolicy names").isEmpty();
        }));
        Map<String, Integer> getStatus = new HashMap<>();
        TestTokens tokens = TestTokens.shared();
        for (Route route : routes) {
            String body = samples.bodies().getOrDefault(route.pattern(), "{}");
            for (String method : METHODS) {
                for (Caller caller : Caller.values()) {
                    String token = token(tokens, caller, samples);
                    String name = method + " " + route.path() + " as " + caller;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        HttpCalls http = token == null ? anonymous : anonymous.withToken(token);
                        boolean sendsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
                        HttpResponse<String> response = http.call(method, route.path(), sendsBody ? body : null,
                                Map.of());
                        int status = response.statusCode();
                        String what = name + " answered " + status + ": " + response.body();
                        switch (expected(route, method, caller, samples)) {
                            case UNAUTHENTICATED -> assertThat(status).as(what).isEqualTo(401);
                            case FORBIDDEN -> assertThat(status).as(what).isEqualTo(403);
                            case NOT_FOUND -> assertThat(status).as(what).isEqualTo(404);
                            case METHOD_NOT_ALLOWED -> {
                                assertThat(status).as(what).isEqualTo(405);
                                assertThat(response.headers().firstValue("Allow")).as(what).isPresent();
                            }
                            case PASSES -> assertThat(status).as(what).isNotIn(401, 403, 405).isLessThan(500);
                        }
                        if (status >= 400 && !method.equals("HEAD")) {
                            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                                    .startsWith("application/problem+json");
                        }
                        // HEAD runs the GET handler: whoever calls, it must answer as GET did.
                        String cell = route.path() + " " + caller;
                        if (method.equals("GET")) {
                            getStatus.put(cell, status);
                        } else if (method.equals("HEAD") && getStatus.containsKey(cell)) {
                            assertThat(status).as(what + " (GET answered " + getStatus.get(cell) + ")")
                                    .isEqualTo(getStatus.get(cell));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** What the policy, the service's mappings and its declared object-level refusals demand of one call. */
    static Outcome expected(Route route, String method, Caller caller, Samples samples) {
        if (method.equals("TRACE")) {
            // The servlet container refuses TRACE outright, before anyone's credentials are looked at.
            return Outcome.METHOD_NOT_ALLOWED;
        }
        if (caller == Caller.NO_TOKEN) {
            return Outcome.UNAUTHENTICATED;
        }
        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(method, route.path());
        if (!(access instanceof ApiAccessPolicy.Roles roles)) {
            return access instanceof ApiAccessPolicy.MethodNotAllowed ? Outcome.METHOD_NOT_ALLOWED : Outcome.NOT_FOUND;
        }
        if (!roles.roles().contains(role(caller))) {
            return Outcome.FORBIDDEN;
        }
        if (!route.methods().contains(method)) {
            return Outcome.METHOD_NOT_ALLOWED;
        }
        String ruleMethod = ApiAccessPolicy.ruleMethodFor(method);
        boolean refused = samples.refusals().stream().anyMatch(refusal -> refusal.caller() == caller
                && refusal.method().equals(ruleMethod) && refusal.pattern().equals(route.pattern()));
        return refused ? Outcome.FORBIDDEN : Outcome.PASSES;
    }

    private static String role(Caller caller) {
        return switch (caller) {
            case REPORTER_OWN_AGENCY, REPORTER_OTHER_AGENCY -> ApiAccessPolicy.REPORTER;
            case LEAD_OF_PLAN, LEAD_OTHER_AGENCY -> ApiAccessPolicy.LEAD;
            case OPERATOR -> ApiAccessPolicy.OPERATOR;
            case NO_TOKEN -> "";
        };
    }

    private static String token(TestTokens tokens, Caller caller, Samples samples) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case REPORTER_OWN_AGENCY -> tokens.reporter(samples.ownAgency());
            case REPORTER_OTHER_AGENCY -> tokens.reporter(samples.otherAgency());
            case LEAD_OF_PLAN -> tokens.lead();
            case LEAD_OTHER_AGENCY -> tokens.token(samples.otherAgency(), ApiAccessPolicy.LEAD);
            case OPERATOR -> tokens.operator();
        };
    }

    static String samplePath(String pattern, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            assertThat(value).as("a sample value of {%s} in %s", matcher.group(1), pattern).isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private MappedRouteMatrix() {
    }
}
