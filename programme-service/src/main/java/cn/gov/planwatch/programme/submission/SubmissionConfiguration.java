package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.platform.eventlog.TraceHeaders;
import cn.gov.planwatch.platform.eventlog.TransactionalEventLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.Map;

/**
 * Submissions are appended as Kafka transactions, by producers of their own: single reports keep the service's
 * idempotent, non-transactional producer. The transactional id prefix names the instance, so that two instances
 * never fence each other's producers.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    @Bean
    TransactionalEventLog submissionEventLog(ProducerFactory<?, ?> producerFactory, MeterRegistry meters,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObjectProvider<TransactionalEventLog.SendCheckpoint> checkpoint,
            @Value("${planwatch.instance-id:${spring.application.name}-${random.uuid}}") String instanceId) {
        @SuppressWarnings("unchecked")
        var transactional = (DefaultKafkaProducerFactory<String, PlanEvent>)
                ((DefaultKafkaProducerFactory<String, PlanEvent>) producerFactory).copyWithConfigurationOverride(
                        // A transaction left open by an instance that died blocks read_committed consumers of its
                        // partitions until the broker aborts it: after this long, well past any submission's append.
                        Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000));
        transactional.setTransactionIdPrefix(instanceId + ".submissions.");
        // Not a bean of its own (the service's one template stays the only one), and not observed: a span per
        // record would be thousands per submission; the request's trace goes onto every record as headers instead.
        KafkaTemplate<String, PlanEvent> template = new KafkaTemplate<>(transactional);
        return new TransactionalEventLog(template, meters, TraceHeaders.of(tracer, propagator),
                checkpoint.getIfAvailable(() -> TransactionalEventLog.SendCheckpoint.NONE));
    }
}
