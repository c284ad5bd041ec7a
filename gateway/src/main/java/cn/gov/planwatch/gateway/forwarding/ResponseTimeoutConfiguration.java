package cn.gov.planwatch.gateway.forwarding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How long the gateway waits for a service to answer a forwarded request. Kept by the connection's own event loop,
 * as a read timeout from the moment the request is sent: Spring Cloud Gateway's {@code response-timeout} instead
 * schedules and cancels a timer task per request on a scheduler all requests share, and counts the upload too. A
 * timeout is answered 504 {@code service-timeout} and never retried.
 */
@Configuration(proxyBeanMethods = false)
class ResponseTimeoutConfiguration {

    @Bean
    HttpClientCustomizer responseTimeout(@Value("${planwatch.gateway.response-timeout}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("planwatch.gateway.response-timeout must be positive, was " + timeout);
        }
        return client -> client.responseTimeout(timeout);
    }
}
