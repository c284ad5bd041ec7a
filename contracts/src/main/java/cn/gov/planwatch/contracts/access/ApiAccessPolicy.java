package cn.gov.planwatch.contracts.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which roles may call which part of the public API — one table, applied by the gateway and again by
 * every service (a request that bypasses the gateway meets the same rules). Object-level rules (a
 * reporter writes only its own agency's items) are the services' domain checks, on top of this.
 * <p>
 * Every request meets a rule: the first rule naming its method and matching its path decides; {@code HEAD}
 * is held to the {@code GET} rule (it runs the same handler); a method no rule names for a path that rules
 * do cover is not allowed (405), and a path no rule covers is refused (403). Nothing falls through to
 * "any authenticated caller".
 * <p>
 * Patterns are literal segments, {@code *} (one segment) and a trailing {@code **} (any number of segments,
 * none included); they are matched against the decoded request path.
 */
public final class ApiAccessPolicy {

    public static final String REPORTER = "reporter";
    public static final String LEAD = "lead";
    public static final String OPERATOR = "operator";
    public static final Set<String> ANY_ROLE = Set.of(REPORTER, LEAD, OPERATOR);

    /** The claim names PlanWatch reads from every access token. */
    public static final String AGENCY_CLAIM = "agency";
    public static final String ROLES_CLAIM = "roles";
    public static final String AUDIENCE = "planwatch";

    public record Rule(String method, String pattern, Set<String> roles) {

        public Rule {
            PathPatterns.requireSupported(pattern);
            roles = Set.copyOf(roles);
        }

        boolean matches(List<String> pathSegments) {
            return PathPatterns.matches(PathPatterns.compiled(pattern), pathSegments);
        }
    }

    public static final List<Rule> RULES = List.of(
            // Publishing, amending and closing a plan; every plan and what nests under it is read by any role.
            // What nests under a plan meets the same rules as its unscoped path (which means the default plan); they
            // come before the rule that lets any role read the rest of /api/v1/plans/**.
            new Rule("POST", "/api/v1/plans/*/indicators/*/observations", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/plans/*/programmes/*/progress", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/plans/*/quarterly-updates", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/plans/*/submissions", Set.of(REPORTER)),
            new Rule("GET", "/api/v1/plans/*/submissions/**", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/plans/*/quarterly-updates/*/*/accept", Set.of(LEAD)),
            new Rule("POST", "/api/v1/plans/*/quarterly-updates/*/*/return", Set.of(LEAD)),
            new Rule("GET", "/api/v1/plans/*/national-view/**", Set.of(LEAD, OPERATOR)),
            new Rule("GET", "/api/v1/plans/*/reports/**", Set.of(LEAD)),
            new Rule("GET", "/api/v1/plans/*/evaluation/**", Set.of(LEAD, OPERATOR)),
            new Rule("PUT", "/api/v1/plans/*", Set.of(LEAD)),
            new Rule("POST", "/api/v1/plans/*/close", Set.of(LEAD)),
            new Rule("GET", "/api/v1/plans/**", ANY_ROLE),
            new Rule("POST", "/api/v1/indicators/*/observations", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/programmes/*/progress", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/quarterly-updates", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/quarterly-updates/*/*/accept", Set.of(LEAD)),
            new Rule("POST", "/api/v1/quarterly-updates/*/*/return", Set.of(LEAD)),
            new Rule("GET", "/api/v1/quarterly-updates/**", ANY_ROLE),
            new Rule("GET", "/api/v1/agencies/**", ANY_ROLE),
            new Rule("GET", "/api/v1/indicators/**", ANY_ROLE),
            new Rule("GET", "/api/v1/programmes/**", ANY_ROLE),
            new Rule("GET", "/api/v1/national-view/**", Set.of(LEAD, OPERATOR)),
            new Rule("GET", "/api/v1/reports/**", Set.of(LEAD)),
            new Rule("GET", "/api/v1/ops/**", Set.of(OPERATOR)),
            new Rule("POST", "/api/v1/ops/**", Set.of(OPERATOR)),
            // Who the caller is, as the gateway's token or login session says.
            new Rule("GET", "/api/v1/me", ANY_ROLE),
            // The operators' console: what an operator may read and do over /api/v1/ops, as pages; before the lead
            // agency's dashboard, which takes the rest of /dashboard.
            new Rule("GET", "/dashboard/ops/**", Set.of(OPERATOR)),
            new Rule("POST", "/dashboard/ops/**", Set.of(OPERATOR)),
            // The lead agency's review of quarterly updates: accept or return, as over the API (which also decides
            // whether the caller leads the plan); before the lead agency's dashboard, which names no POST.
            new Rule("POST", "/dashboard/review/*/*/accept", Set.of(LEAD)),
            new Rule("POST", "/dashboard/review/*/*/return", Set.of(LEAD)),
            new Rule("POST", "/dashboard/plans/*/review/*/*/accept", Set.of(LEAD)),
            new Rule("POST", "/dashboard/plans/*/review/*/*/return", Set.of(LEAD)),
            // A ministry's desk: what a reporter may read and do over the API for its own agency, as pages; before
            // the lead agency's dashboard too.
            new Rule("GET", "/dashboard/desk/**", Set.of(REPORTER)),
            new Rule("POST", "/dashboard/desk/**", Set.of(REPORTER)),
            new Rule("GET", "/dashboard/plans/*/desk/**", Set.of(REPORTER)),
            new Rule("POST", "/dashboard/plans/*/desk/**", Set.of(REPORTER)),
            // Where each person lands: the lead agency's overview, a reporter's desk, the operators' console.
            new Rule("GET", "/", ANY_ROLE),
            // The lead agency's dashboard pages.
            new Rule("GET", "/dashboard/**", Set.of(LEAD)),
            // Metrics and the build's details are the operator's; only health is anonymous.
            new Rule("GET", "/actuator/**", Set.of(OPERATOR)));

    /**
     * Paths that answer without a token: health (for probes), the API description (the gateway's merged one and
     * its reference page, and each service's own, which the gateway merges), the error page, and the dashboard's
     * static scripts and styles (needed before a person has logged in, and secret to no one).
     */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health/**", "/api/v1/openapi.yaml",
            "/api/v1/openapi.json", "/api/v1/docs/**", "/v3/api-docs", "/v3/api-docs.yaml", "/error",
            "/assets/dashboard/**", "/assets/webjars/**");

    static {
        PUBLIC_PATHS.forEach(PathPatterns::requireSupported);
    }

    /** What the policy says of one request. */
    public sealed interface Access {
    }

    /** Anyone may call, with or without a token. */
    public record Public() implements Access {
    }

    /** A caller holding one of {@code roles} may call. */
    public record Roles(Set<String> roles) implements Access {
    }

    /** Rules cover the path, but none names the method: {@code allowed} are the methods they do name. */
    public record MethodNotAllowed(Set<String> allowed) implements Access {
    }

    /** No rule covers the path: no one may call it. */
    public record NoRule() implements Access {
    }

    /** What the policy says of {@code method} on {@code path} (decoded, without the query). */
    public static Access decide(String method, String path) {
        // The path is cut into segments once, and each pattern was cut once: this runs on every request.
        List<String> segments = PathPatterns.segments(path);
        for (String pattern : PUBLIC_PATHS) {
            if (PathPatterns.matches(PathPatterns.compiled(pattern), segments)) {
                return new Public();
            }
        }
        String heldTo = ruleMethodFor(method);
        for (Rule rule : RULES) {
            if (rule.method().equals(heldTo) && rule.matches(segments)) {
                return new Roles(rule.roles());
            }
        }
        Set<String> allowed = allowedMethods(segments);
        return allowed.isEmpty() ? new NoRule() : new MethodNotAllowed(allowed);
    }

    /** The methods rules name for {@code path} (with {@code HEAD} wherever {@code GET} is), in the table's order. */
    public static Set<String> allowedMethods(String path) {
        return allowedMethods(PathPatterns.segments(path));
    }

    private static Set<String> allowedMethods(List<String> pathSegments) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Rule rule : RULES) {
            if (rule.matches(pathSegments)) {
                allowed.add(rule.method());
                if (rule.method().equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return allowed;
    }

    /** {@code HEAD} runs the {@code GET} handler (without the body), so it is held to the {@code GET} rule. */
    public static String ruleMethodFor(String method) {
        return "HEAD".equals(method) ? "GET" : method;
    }

    /** Matching of the table's patterns: literal segments, {@code *} and a trailing {@code **}. */
    static final class PathPatterns {

        static void requireSupported(String pattern) {
            List<String> segments = segments(pattern);
            if (segments == null) {
                throw new IllegalArgumentException("a pattern starts with '/': " + pattern);
            }
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                boolean wildcard = segment.equals("*") || segment.equals("**");
                if ((!wildcard && (segment.contains("*") || segment.contains("{")))
                        || (segment.equals("**") && i != segments.size() - 1)) {
                    throw new IllegalArgumentException("unsupported pattern segment '" + segment + "' in " + pattern);
                }
            }
        }

        /** Each pattern of the tables cut into its segments, once. */
        private static final Map<String, List<String>> COMPILED = new ConcurrentHashMap<>();

        static List<String> compiled(String pattern) {
            return COMPILED.computeIfAbsent(pattern, PathPatterns::segments);
        }

        static boolean matches(String pattern, String path) {
            return matches(compiled(pattern), segments(path));
        }

        /** {@code have}: a path's segments ({@code null}, no path: matches nothing). */
        static boolean matches(List<String> want, List<String> have) {
            if (have == null) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                String segment = want.get(i);
                if (segment.equals("**")) {
                    return true;
                }
                if (i >= have.size()) {
                    return false;
                }
                if (segment.equals("*") ? have.get(i).isEmpty() : !segment.equals(have.get(i))) {
                    return false;
                }
            }
            return want.size() == have.size();
        }

        /** "/" is no segment; "/a/b/" is a, b and an empty last segment (which no literal or * matches). */
        static List<String> segments(String path) {
            if (path == null || !path.startsWith("/")) {
                return null;
            }
            List<String> segments = List.of(path.substring(1).split("/", -1));
            return segments.size() == 1 && segments.get(0).isEmpty() ? List.of() : segments;
        }

        private PathPatterns() {
        }
    }

    private ApiAccessPolicy() {
    }
}
