package cn.gov.planwatch.platform.security;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.platform.ServicePlatformAutoConfiguration;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.caller.TraceIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every service is a resource server of its own (zero trust): a request that bypasses the gateway
 * meets the same token checks and the same {@link ApiAccessPolicy}. Refusals are problem answers.
 */
@AutoConfiguration(before = ServicePlatformAutoConfiguration.class)
@EnableWebSecurity
public class ServiceSecurityAutoConfiguration {

    private static final String ROLE_PREFIX = "ROLE_";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityRefusals refusals) throws Exception {
        // Every request meets the policy table; what it does not allow is refused (405 or 403, see SecurityRefusals).
        http.authorizeHttpRequests(auth -> auth.anyRequest().access(new PolicyAuthorization()));
        http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(new BearerTokenFromHeader())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(planwatchAuthorities()))
                .authenticationEntryPoint(refusals)
                .accessDeniedHandler(refusals));
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // Bearer tokens only, no cookies: CSRF cannot ride on a browser's credentials here.
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Authentication and authorization stay observed (each is timed and traced), but not each filter of the chain:
     * observing every filter before and after cost about a fifth of a report's CPU in the service, for timers and spans
     * that {@code http.server.requests} and the request's span already give per request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /** Each distinct token's signature is checked once, not on every request it comes with. */
    @Bean
    static BeanPostProcessor cachingJwtDecoder(ObjectProvider<Clock> clock) {
        return CachingJwtDecoder.wrappingEveryDecoder(clock);
    }

    @Bean
    SecurityRefusals securityRefusals(tools.jackson.databind.json.JsonMapper json) {
        return new SecurityRefusals(json);
    }

    /**
     * The caller is who the validated token says: its client, its subject (the person, for a login), its agency
     * and roles. The trace id is the current span's (which continues an incoming {@code traceparent}), or the
     * header's where tracing is off.
     */
    @Bean
    CallerResolver callerResolver(ObjectProvider<HttpServletRequest> request, ObjectProvider<Tracer> tracer) {
        return () -> {
            Span span = tracer.getIfAvailable(() -> Tracer.NOOP).currentSpan();
            String traceId = span != null && !span.context().traceId().isEmpty() ? span.context().traceId()
                    : TraceIds.fromTraceparent(request.getObject().getHeader("traceparent"));
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                Jwt jwt = token.getToken();
                return new Caller(Caller.clientOf(jwt), jwt.getSubject(),
                        jwt.getClaimAsString(ApiAccessPolicy.AGENCY_CLAIM), roles(jwt), traceId);
            }
            throw new IllegalStateException("no authenticated caller on a path that requires one");
        };
    }

    static JwtAuthenticationConverter planwatchAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new HashSet<>();
            for (String role : roles(jwt)) {
                authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
            }
            return authorities;
        });
        return converter;
    }

    static Set<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ApiAccessPolicy.ROLES_CLAIM);
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
