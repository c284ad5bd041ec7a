package cn.gov.planwatch.gateway.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.gateway.limits.BodySizeLimit;
import cn.gov.planwatch.gateway.limits.SharedBuckets;
import cn.gov.planwatch.gateway.limits.ClientRateLimit;
import cn.gov.planwatch.gateway.limits.GatewayLimits;
import cn.gov.planwatch.gateway.login.DashboardLogin;
import cn.gov.planwatch.gateway.login.SessionRequestCache;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * The gateway's half of zero trust: every API call is checked against the shared {@link ApiAccessPolicy} before it
 * is routed (the services check again). Bearer tokens for clients, a login session for people; refusals are
 * problem answers; body size and rate limits sit in the same chain so that their answers carry the same headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    /** A dashboard that loads only its own scripts and styles, and is never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none'";

    /** The API reference page (Swagger UI) also shows the icons its style sheet carries as data: images. */
    public static final String REFERENCE_PAGE_CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, SecurityRefusals refusals,
            ProblemResponses problems, GatewayLimits limits, SharedBuckets buckets, DashboardLogin login,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        http.securityContextRepository(new WebSessionServerSecurityContextRepository());
        http.requestCache(cache -> cache.requestCache(new SessionRequestCache(sessionCookie)));
        http.headers(headers -> headers
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new BrowserCsrfMatcher(sessionCookie))
                .accessDeniedHandler(refusals));
        http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        http.formLogin(ServerHttpSecurity.FormLoginSpec::disable);

        http.authorizeExchange(GatewaySecurityConfiguration::apiRules);
        http.oauth2ResourceServer(server -> server
                .bearerTokenConverter(new BearerTokenFromHeader())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(planwatchRoles()))
                .authenticationEntryPoint(refusals)
                .accessDeniedHandler(refusals));
        http.exceptionHandling(handling -> handling
                .authenticationEntryPoint(login.entryPoint())
                .accessDeniedHandler(refusals));
        login.configure(http);

        // Before anything reads the body (CSRF reads form posts), after the header writer (so 413 has the headers).
        http.addFilterAfter(new BodySizeLimit(limits.maxBodySize().toBytes(), problems),
                SecurityWebFiltersOrder.HTTP_HEADERS_WRITER);
        // After the size limit, before the CSRF check reads a form's _csrf field: the route forwards the same body.
        http.addFilterBefore(new FormBodyForRoute(), SecurityWebFiltersOrder.CSRF);
        // Once the person may see the page: an unauthorized request gets no token, and starts no session for one.
        http.addFilterAfter(new CsrfTokenForPages(), SecurityWebFiltersOrder.AUTHORIZATION);
        // After authentication: the bucket belongs to the verified caller.
        http.addFilterBefore(new ClientRateLimit(buckets, problems), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }

    /** Each distinct token's signature is checked once, not on every request it comes with. */
    @Bean
    static BeanPostProcessor cachingJwtDecoder() {
        return CachingReactiveJwtDecoder.wrappingEveryDecoder();
    }

    /**
     * Authentication and authorization stay observed (each is timed and traced), but not each filter of the chain
     * before and after: those are timers and spans for every one of some twenty filters on every request, which
     * {@code http.server.requests} and the request's span already cover once.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    private static void apiRules(AuthorizeExchangeSpec exchanges) {
        // Every request the policy governs meets it; what it does not allow is refused (405 or 403).
        exchanges.matchers(PolicyAuthorization.GOVERNED).access(new PolicyAuthorization());
    }

    static ReactiveJwtAuthenticationConverterAdapter planwatchRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                jwt -> RoleAuthorities.of(jwt.getClaimAsStringList(ApiAccessPolicy.ROLES_CLAIM)));
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
