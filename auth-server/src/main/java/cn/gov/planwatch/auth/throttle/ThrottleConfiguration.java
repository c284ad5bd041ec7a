package cn.gov.planwatch.auth.throttle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The throttle runs as a servlet filter just before Spring Security's, on the two endpoints that check secrets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThrottleProperties.class)
public class ThrottleConfiguration {

    @Bean
    FailedAuthentications failedAuthentications(ThrottleProperties settings) {
        return new FailedAuthentications(settings, System::nanoTime);
    }

    @Bean
    FilterRegistrationBean<AuthenticationThrottle> authenticationThrottle(FailedAuthentications failures) {
        FilterRegistrationBean<AuthenticationThrottle> registration =
                new FilterRegistrationBean<>(new AuthenticationThrottle(failures));
        registration.addUrlPatterns(AuthenticationThrottle.TOKEN_ENDPOINT, AuthenticationThrottle.LOGIN_FORM);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
