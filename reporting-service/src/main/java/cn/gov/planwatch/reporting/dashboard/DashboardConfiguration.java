package cn.gov.planwatch.reporting.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** The bean name Spring MVC looks the resolver up by. */
    @Bean
    LocaleResolver localeResolver() {
        return new DashboardLocale();
    }

    /**
     * The dashboard's scripts and styles (and ECharts) are public, as at the gateway, which serves them to the login
     * page too; they hold no data. Everything else stays behind the service's token check.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain dashboardAssets(HttpSecurity http) throws Exception {
        http.securityMatcher("/assets/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
