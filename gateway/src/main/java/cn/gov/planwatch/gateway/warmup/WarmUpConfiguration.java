package cn.gov.planwatch.gateway.warmup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayWarmUp.Settings.class)
class WarmUpConfiguration {

    @Bean
    GatewayWarmUp gatewayWarmUp(GatewayWarmUp.Settings settings, Environment environment) {
        return new GatewayWarmUp(settings, environment);
    }
}
