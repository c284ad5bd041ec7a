package cn.gov.planwatch.auth.token;

import cn.gov.planwatch.auth.credentials.UserEntry;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds what PlanWatch authorizes on: {@code agency} and {@code roles}, taken from the registered client for
 * machine tokens (client_credentials) and from the person's record for logins, plus {@code aud = planwatch} so
 * that resource servers can refuse tokens minted for anything else.
 */
public class PlanwatchTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String AUDIENCE = "planwatch";
    public static final String AGENCY_SETTING = "settings.planwatch.agency";
    public static final String ROLES_SETTING = "settings.planwatch.roles";

    private final Function<String, UserEntry> userNamed;

    /** {@code userNamed} gives a person's record by user name, or null; people may be added while running. */
    public PlanwatchTokenClaims(Function<String, UserEntry> userNamed) {
        this.userNamed = userNamed;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        String agency;
        List<String> roles;
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            agency = client.getClientSettings().getSetting(AGENCY_SETTING);
            roles = client.getClientSettings().getSetting(ROLES_SETTING);
        } else {
            // authorization_code and refresh_token: the principal is the person who logged in
            UserEntry user = userNamed.apply(context.getPrincipal().getName());
            if (user == null) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
            }
            agency = user.agency();
            roles = user.roles();
        }
        context.getClaims().claim("agency", agency).claim("roles", roles);
        if (accessToken) {
            // the ID token's aud must stay the client id (OIDC); only access tokens are for PlanWatch's APIs
            context.getClaims().audience(List.of(AUDIENCE)).claim("client_id", client.getClientId());
        }
    }
}
