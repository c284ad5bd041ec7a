package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.security.SecurityRefusals;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebSession;

import java.time.Duration;

/**
 * The dashboard's login as a backend-for-frontend: authorization code with PKCE against the PlanWatch issuer. The
 * tokens stay in the server-side session; the browser holds only the session cookie.
 */
public class OAuth2DashboardLogin implements DashboardLogin {

    static final String REGISTRATION = "planwatch";

    private final ReactiveClientRegistrationRepository registrations;
    private final SecurityRefusals refusals;
    private final LoginStartLimit loginStarts;
    private final Duration loggedInTimeout;

    public OAuth2DashboardLogin(ReactiveClientRegistrationRepository registrations, SecurityRefusals refusals,
            LoginStartLimit loginStarts, Duration loggedInTimeout) {
        this.registrations = registrations;
        this.refusals = refusals;
        this.loginStarts = loginStarts;
        this.loggedInTimeout = loggedInTimeout;
    }

    @Override
    public void configure(ServerHttpSecurity http) {
        DefaultServerOAuth2AuthorizationRequestResolver withPkce =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // Spring adds PKCE only for public clients; the gateway is confidential and uses it all the same (OAuth 2.1,
        // and the auth server requires it of this client).
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler endSession =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endSession.setPostLogoutRedirectUri("{baseUrl}/");

        http.oauth2Login(login -> login
                .authorizationRequestResolver(withPkce)
                .authenticationSuccessHandler(new SessionIdRotation(new RedirectServerAuthenticationSuccessHandler(), loggedInTimeout))
                .authenticationFailureHandler((exchange, failure) -> refusals.commence(exchange.getExchange(), failure)));
        // Before the request cache and the authorization redirect, which are what store a session for a stranger.
        http.addFilterAfter(loginStarts, SecurityWebFiltersOrder.HTTP_HEADERS_WRITER);
        // The session ends after every logout handler has run: the CSRF handler's last renewal of the session id
        // would otherwise find it gone from the store.
        http.logout(logout -> logout
                .logoutHandler(new SecurityContextServerLogoutHandler())
                .logoutSuccessHandler((exchange, authentication) -> exchange.getExchange().getSession()
                        .flatMap(WebSession::invalidate)
                        .then(endSession.onLogoutSuccess(exchange, authentication))));
        http.authorizeExchange(exchanges -> exchanges
                .pathMatchers("/login/**", "/oauth2/**").permitAll()
                .pathMatchers(PUBLIC_ASSETS).permitAll()
                .anyExchange().authenticated());
    }

    @Override
    public ServerAuthenticationEntryPoint entryPoint() {
        // API clients get the 401 problem; a person opening a dashboard page is sent to log in.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**"), refusals));
        entryPoint.setDefaultEntryPoint(
                new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION));
        return entryPoint;
    }
}
