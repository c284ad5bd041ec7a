package cn.gov.planwatch.auth;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains, as Spring Authorization Server expects: its protocol endpoints first, then everything else
 * (the login form for people, and the health probes, which must answer without a token).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the OIDC userinfo endpoint is called with an access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
                // browsers that reach /oauth2/authorize unauthenticated go to the login form; others get 401
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(withDefaults());
        return http.build();
    }
}
