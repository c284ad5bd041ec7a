package cn.gov.planwatch.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.time.Clock;
import java.time.Duration;

/**
 * What every service shows about itself beyond Boot's defaults: a Kafka health indicator (the readiness
 * group includes it, see planwatch-platform.yaml), the projection lag of each listener, and the delivery
 * attempt count on each record, which the dead-letter publisher copies into {@code <topic>.dlt}; a listener
 * container stopped by an error fails the liveness probe ({@link ListenerFailure}).
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${planwatch.health.kafka.timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
    }

    @Bean
    ListenerFailure listenerFailure(ApplicationEventPublisher events) {
        return new ListenerFailure(events);
    }

    @Bean
    ProjectionLag projectionLag(MeterRegistry meters, Clock clock) {
        return new ProjectionLag(meters, clock);
    }

    /**
     * Puts {@code kafka_deliveryAttempt} on each record the listeners receive, so a dead letter tells
     * how often it was tried; and commits a group's position past a transaction's commit or abort marker at the end of
     * a partition (fixTxOffsets), so that a projector that has read everything shows no lag after a submission.
     * Steps aside for a service's own container customizer.
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> deliveryAttemptHeader() {
        return container -> {
            container.getContainerProperties().setDeliveryAttemptHeader(true);
            container.getContainerProperties().setFixTxOffsets(true);
        };
    }
}
