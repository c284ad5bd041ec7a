package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.platform.observability.ProjectionLag;
import cn.gov.planwatch.platform.problem.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log as every service uses it: the topics (and their dead-letter twins), and the consumers'
 * error handling — bounded retries, then the record goes to {@code <topic>.dlt} with its original bytes
 * and the failure in its headers. A failure of the database itself is retried until it comes back, so
 * that an outage never sends good events to the dead-letter topic.
 */
@AutoConfiguration
@EnableScheduling
public class EventLogAutoConfiguration {

    /**
     * Services that take writes keep an {@code idempotency_record} table in their own schema; its keys are forgotten
     * after the retention, by a purge every {@code planwatch.idempotency.purge-interval}.
     */
    @Bean
    @ConditionalOnProperty("spring.flyway.default-schema")
    IdempotentWrites idempotentWrites(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${spring.flyway.default-schema}") String schema,
            @Value("${planwatch.idempotency.abandoned-after:2m}") Duration abandonedAfter,
            @Value("${planwatch.idempotency.retention:30d}") Duration retention) {
        return new IdempotentWrites(jdbc, json, schema, clock, abandonedAfter, retention);
    }

    @Bean
    EventLog eventLog(KafkaTemplate<String, PlanEvent> template, MeterRegistry meters) {
        return new EventLog(template, meters);
    }

    @Bean
    ProjectionBatches projectionBatches(PlatformTransactionManager transactionManager, JdbcOperations jdbc,
            ProjectionLag lag) {
        return new ProjectionBatches(transactionManager, jdbc, lag);
    }

    @Bean
    KafkaAdmin.NewTopics planwatchTopics(@Value("${planwatch.kafka.partitions:3}") int partitions,
            @Value("${planwatch.kafka.replication-factor:1}") int replicationFactor,
            @Value("${planwatch.kafka.min-insync-replicas:1}") int minInsyncReplicas) {
        return new KafkaAdmin.NewTopics(topics(partitions, replicationFactor, minInsyncReplicas).toArray(NewTopic[]::new));
    }

    /**
     * Under profile kafka-scram every Kafka client logs in with these; without them the service refuses to start
     * rather than retrying a login that cannot succeed.
     */
    @Configuration(proxyBeanMethods = false)
    @Profile("kafka-scram")
    static class KafkaScramCredentials {

        static final List<String> REQUIRED = List.of("PLANWATCH_KAFKA_USERNAME", "PLANWATCH_KAFKA_PASSWORD");

        @Bean
        InitializingBean kafkaScramCredentialsPresent(Environment environment) {
            return () -> {
                List<String> missing = REQUIRED.stream()
                        .filter(key -> !StringUtils.hasText(environment.getProperty(key))).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("profile kafka-scram needs " + String.join(" and ", missing)
                            + ": the service's own Kafka user and password");
                }
            };
        }
    }

    /** Every event topic and its dead-letter twin, as a service declares them (an existing topic is left as it is). */
    static List<NewTopic> topics(int partitions, int replicationFactor, int minInsyncReplicas) {
        return Topics.withDeadLetterTopics().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor)
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas)).build())
                .toList();
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(ProducerFactory<?, ?> producerFactory,
            KafkaTemplate<String, PlanEvent> eventTemplate,
            @Value("${planwatch.events.dead-letter.max-attempts:3}") int maxAttempts) {
        // A record that failed to deserialize is re-published as its original bytes.
        @SuppressWarnings("unchecked")
        var rawFactory = (DefaultKafkaProducerFactory<String, byte[]>) producerFactory;
        KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(
                rawFactory.copyWithConfigurationOverride(Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(PlanEvent.class, eventTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), record.partition())) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
                super.accept(record, consumer, withoutBatch(failure));
            }
        };

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, maxAttempts - 1));
        // A listener of batches gets no delivery attempt on its records: the dead letter takes the handler's count.
        recoverer.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            if (record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT) == null) {
                // The handler answers the attempt a redelivery would be: the ones made are one fewer.
                int attempts = Math.max(1, handler.deliveryAttempt(
                        new TopicPartitionOffset(record.topic(), record.partition(), record.offset())) - 1);
                headers.add(KafkaHeaders.DELIVERY_ATTEMPT, ByteBuffer.allocate(Integer.BYTES).putInt(attempts).array());
            }
            return headers;
        });
        BackOff untilTheDatabaseIsBack = untilBack();
        handler.setBackOffFunction((record, failure) -> databaseUnavailable(failure) ? untilTheDatabaseIsBack : null);
        return handler;
    }

    /**
     * The failure as a listener of single records would have reported it: a projector that folds batches names the
     * failing record with a {@link BatchListenerFailedException}, whose cause is what an operator needs to see in the
     * dead letter's headers.
     */
    static Exception withoutBatch(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), batch.getCause());
        }
        return failure;
    }

    private static BackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    static boolean databaseUnavailable(Throwable failure) {
        return DatabaseOutage.causedBy(failure);
    }

}
