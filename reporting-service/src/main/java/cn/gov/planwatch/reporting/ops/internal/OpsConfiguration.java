package cn.gov.planwatch.reporting.ops.internal;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

/** The dead-letter listener's raw-bytes container, and the scheduling the event-rate sampler runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OpsConfiguration {

    static final String DEAD_LETTER_CONTAINER_FACTORY = "deadLetterListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(OpsConfiguration.class);

    @Bean(DEAD_LETTER_CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumerFactory) {
        // The services' consumer settings (broker, isolation, offset reset), but bytes for key and value:
        // the CloudEvent deserializer would refuse exactly the records this listener exists to keep.
        var raw = new DefaultKafkaConsumerFactory<byte[], byte[]>(consumerFactory.getConfigurationProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) raw);
        // Never dead-letter a dead letter, never skip one: a failure to record it (the database is down, say)
        // is retried until it succeeds, and shows meanwhile as this group's lag in /api/v1/ops/streams.
        ExponentialBackOff untilRecorded = new ExponentialBackOff(500, 2.0);
        untilRecorded.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(untilRecorded);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("cannot record dead letter {}-{}@{} "
                + "(attempt {}): {}", record.topic(), record.partition(), record.offset(), attempt,
                failure.getMessage()));
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
