package cn.gov.planwatch.gateway.apidescription;

import cn.gov.planwatch.gateway.limits.GatewayLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import java.time.Duration;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

    /** The services are those the gateway routes to, {@code planwatch.services.*}. */
    @Bean
    PublishedApiDescription publishedApiDescription(Environment environment, GatewayLimits limits,
            @Value("${planwatch.gateway.api-description.refresh:30s}") Duration refresh) {
        Map<String, String> services = Binder.get(environment)
                .bind("planwatch.services", Bindable.mapOf(String.class, String.class)).get();
        // Three more tries over about two seconds: long enough for a service finishing its start.
        RetryBackoffSpec retry = Retry.backoff(3, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(1));
        return new PublishedApiDescription(services, new GatewayAnswers(limits.maxBodySize()), WebClient.create(),
                refresh, Duration.ofSeconds(5), retry);
    }
}
