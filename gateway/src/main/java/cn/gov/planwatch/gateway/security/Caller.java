package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, as the gateway knows it: a client with a bearer token, or a person with a login session.
 *
 * @param id     the client id (token's {@code client_id}, else {@code sub}) or the person's subject
 * @param name   what to show for the caller
 * @param person true for a browser login session, false for a bearer token
 */
public record Caller(String id, String name, String agency, List<String> roles, boolean person) {

    public static Optional<Caller> of(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String id = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
            String name = jwt.hasClaim("name") ? jwt.getClaimAsString("name") : jwt.getSubject();
            return Optional.of(new Caller(id, name, jwt.getClaimAsString(ApiAccessPolicy.AGENCY_CLAIM),
                    roles(jwt.getClaimAsStringList(ApiAccessPolicy.ROLES_CLAIM)), false));
        }
        if (principal instanceof OAuth2AuthenticationToken login) {
            OAuth2User user = login.getPrincipal();
            String name = user.getName();
            if (user instanceof OidcUser oidc) {
                name = firstPresent(oidc.getFullName(), oidc.getPreferredUsername(), oidc.getSubject());
            }
            Object agency = user.getAttribute(ApiAccessPolicy.AGENCY_CLAIM);
            Object roles = user.getAttribute(ApiAccessPolicy.ROLES_CLAIM);
            return Optional.of(new Caller(user.getName(), name, agency == null ? null : agency.toString(),
                    roles instanceof List<?> list ? roles(list.stream().map(String::valueOf).toList()) : List.of(),
                    true));
        }
        return Optional.empty();
    }

    private static List<String> roles(List<String> roles) {
        return roles == null ? List.of() : List.copyOf(roles);
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
