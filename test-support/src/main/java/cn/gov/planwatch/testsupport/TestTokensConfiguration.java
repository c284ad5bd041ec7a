package cn.gov.planwatch.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points a service's resource-server settings at {@link TestTokens}, as production points them at the auth server. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokensConfiguration {

    @Bean
    DynamicPropertyRegistrar testTokenIssuer() {
        return registry -> {
            registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.shared().issuer());
        };
    }
}
