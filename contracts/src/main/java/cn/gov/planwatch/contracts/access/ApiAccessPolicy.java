package cn.gov.planwatch.contracts.access;

import java.util.List;
import java.util.Set;

/**
 * Which roles may call which part of the public API — one table, applied by the gateway and again by
 * every service (a request that bypasses the gateway meets the same rules). Object-level rules (a
 * reporter writes only its own agency's items) are the services' domain checks, on top of this.
 * Patterns use Spring's PathPattern syntax; the first rule that matches decides.
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
    }

    public static final List<Rule> RULES = List.of(
            new Rule("POST", "/api/v1/indicators/*/observations", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/programmes/*/progress", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/quarterly-updates", Set.of(REPORTER)),
            new Rule("POST", "/api/v1/quarterly-updates/*/*/accept", Set.of(LEAD)),
            new Rule("POST", "/api/v1/quarterly-updates/*/*/return", Set.of(LEAD)),
            new Rule("GET", "/api/v1/quarterly-updates/**", ANY_ROLE),
            new Rule("GET", "/api/v1/agencies/**", ANY_ROLE),
            new Rule("GET", "/api/v1/agencies", ANY_ROLE),
            new Rule("GET", "/api/v1/indicators/**", ANY_ROLE),
            new Rule("GET", "/api/v1/indicators", ANY_ROLE),
            new Rule("GET", "/api/v1/programmes/**", ANY_ROLE),
            new Rule("GET", "/api/v1/programmes", ANY_ROLE),
            new Rule("GET", "/api/v1/national-view/**", Set.of(LEAD, OPERATOR)),
            new Rule("GET", "/api/v1/national-view", Set.of(LEAD, OPERATOR)),
            new Rule("GET", "/api/v1/reports/**", Set.of(LEAD)),
            new Rule("*", "/api/v1/ops/**", Set.of(OPERATOR)));

    /** Paths that answer without a token. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/api/v1/openapi.yaml", "/error");

    private ApiAccessPolicy() {
    }
}
