package cn.gov.planwatch.gateway.apidescription;

import cn.gov.planwatch.gateway.limits.GatewayLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

    /** The services the gateway routes to, each at {@code planwatch.services.<name>}. */
    static final List<String> SERVICES = List.of("indicator-service", "programme-service", "reporting-service");

    @Bean
    PublishedApiDescription publishedApiDescription(Environment environment, GatewayLimits limits,
            @Value("${planwatch.gateway.api-description.refresh:30s}") Duration refresh) {
        Map<String, String> services = servicesOf(environment);
        // Three more tries over about two seconds: long enough for a service finishing its start.
        RetryBackoffSpec retry = Retry.backoff(3, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(1));
        return new PublishedApiDescription(services, new GatewayAnswers(limits.maxBodySize()), WebClient.create(),
                refresh, Duration.ofSeconds(5), retry);
    }

    /**
     * By name, not by binding {@code planwatch.services} as a map: the launcher sets them as environment variables
     * ({@code PLANWATCH_SERVICES_INDICATOR_SERVICE}), which a map binding would read as a second service.
     */
    static Map<String, String> servicesOf(Environment environment) {
        Map<String, String> services = new TreeMap<>();
        SERVICES.forEach(name -> services.put(name, environment.getRequiredProperty("planwatch.services." + name)));
        return services;
    }
}
