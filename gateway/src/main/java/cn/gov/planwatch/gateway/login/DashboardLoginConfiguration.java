package cn.gov.planwatch.gateway.login;

import cn.gov.planwatch.gateway.limits.GatewayLimits;
import cn.gov.planwatch.gateway.limits.GatewayLimitsConfiguration;
import cn.gov.planwatch.gateway.limits.SharedBuckets;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.SecurityRefusals;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import reactor.core.publisher.Mono;

/**
 * The dashboard login, on when {@code PLANWATCH_GATEWAY_CLIENT_SECRET} is set ({@link LoginConfigured}), off
 * otherwise. Either way the gateway supplies the client registrations itself, because Boot's would run OIDC
 * discovery at start-up and fail while the authorization server is down.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardLoginConfiguration {

    @Configuration(proxyBeanMethods = false)
    @Conditional(LoginConfigured.class)
    @EnableConfigurationProperties(OAuth2ClientProperties.class)
    static class On {

        @Bean
        ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) {
            return new DiscoveredClientRegistrations(properties);
        }

        /** The person's tokens live in their WebSession, never in the browser. */
        @Bean
        ServerOAuth2AuthorizedClientRepository authorizedClients() {
            return new WebSessionServerOAuth2AuthorizedClientRepository();
        }

        @Bean
        GrantedAuthoritiesMapper sessionRoles() {
            return new SessionRoles();
        }

        @Bean
        DashboardLogin dashboardLogin(ReactiveClientRegistrationRepository registrations, SecurityRefusals refusals,
                @Qualifier(GatewayLimitsConfiguration.LOGIN_START_BUCKETS) SharedBuckets loginStartBuckets,
                ProblemResponses problems, GatewayLimits limits, ServerProperties server) {
            LoginStartLimit loginStarts = new LoginStartLimit(loginStartBuckets, problems,
                    limits.loginLimit().unfinishedLoginTimeout());
            return new OAuth2DashboardLogin(registrations, refusals, loginStarts,
                    server.getReactive().getSession().getTimeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(LoginConfigured.Not.class)
    static class Off {

        @Bean
        ReactiveClientRegistrationRepository noClientRegistrations() {
            return registrationId -> Mono.empty();
        }

        @Bean
        DashboardLogin dashboardLogin(SecurityRefusals refusals, ProblemResponses problems) {
            return new DisabledDashboardLogin(refusals, problems);
        }
    }
}
