package cn.gov.planwatch.auth;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.token.PlanwatchTokenClaims;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Turns entries of the clients file into Authorization Server registrations. */
class RegisteredClients {

    private final AuthProperties properties;
    private final StoredSecrets secrets;

    RegisteredClients(AuthProperties properties, StoredSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
    }

    RegisteredClient from(ClientEntry entry) {
        RegisteredClient.Builder builder = RegisteredClient.withId(entry.clientId())
                .clientId(entry.clientId())
                .clientSecret(secrets.encode(entry.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build());
        ClientSettings.Builder settings = ClientSettings.builder()
                .setting(PlanwatchTokenClaims.AGENCY_SETTING, entry.agency())
                .setting(PlanwatchTokenClaims.ROLES_SETTING, entry.roles());
        if (entry.isGatewayLogin()) {
            // A backend-for-frontend: confidential, yet PKCE anyway, as OAuth 2.1 asks of every code flow.
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(properties.gatewayRedirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(properties.gatewayPostLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE);
            // First-party dashboard: a consent screen would only be in the way.
            settings.requireProofKey(true).requireAuthorizationConsent(false);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        return builder.clientSettings(settings.build()).build();
    }
}
