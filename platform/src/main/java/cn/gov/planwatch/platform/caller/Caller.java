package cn.gov.planwatch.platform.caller;

import java.util.Set;

/**
 * Who is calling, as the validated access token says: the OAuth client, the agency it acts for, its
 * roles, and the request's trace id. {@code agency} is null only for a token without the claim.
 */
public record Caller(String clientId, String agency, Set<String> roles, String traceId) {

    public static final String REPORTER = "reporter";
    public static final String LEAD = "lead";
    public static final String OPERATOR = "operator";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean identified() {
        return agency != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
