package cn.gov.planwatch.platform.caller;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, as the validated access token says: the OAuth client, the subject acting through it (the
 * token's {@code sub}: the person who logged in, or the client itself for a client_credentials token), the
 * agency it acts for, its roles, and the request's trace id. {@code agency} is null only for a token without
 * the claim.
 */
public record Caller(String clientId, String subject, String agency, Set<String> roles, String traceId) {

    public static final String REPORTER = "reporter";
    public static final String LEAD = "lead";
    public static final String OPERATOR = "operator";

    public Caller {
        roles = Set.copyOf(roles);
        // A client acting for itself is its own subject.
        subject = subject == null ? clientId : subject;
    }

    /** A client acting for itself (client_credentials): its own subject. */
    public Caller(String clientId, String agency, Set<String> roles, String traceId) {
        this(clientId, clientId, agency, roles, traceId);
    }

    public boolean identified() {
        return agency != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The token's client: its {@code client_id}, or its {@code sub} where it names none. */
    public static String clientOf(Jwt jwt) {
        return jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
    }

    /**
     * How audit lines name a request's caller: {@code client=… subject=…}, dashes when unauthenticated. A
     * principal's name is the token's {@code sub}.
     */
    public static String auditName(Principal principal) {
        if (principal == null) {
            return "client=- subject=-";
        }
        String client = principal instanceof JwtAuthenticationToken token ? clientOf(token.getToken())
                : principal.getName();
        return "client=" + client + " subject=" + principal.getName();
    }
}
