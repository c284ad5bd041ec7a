package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.programme.plan.PlanRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * On a fresh log, publishes the plan the product ships with (the configured catalogue), so the product shows it
 * straight away. Only if the plan topic holds no event of that plan: a plan published, amended or closed before is
 * left as the log says, whatever the configured document now says. Instances starting together take turns on the
 * plan's lock, and the publication's id is derived from the plan and version, so a second one is the same event.
 */
@Component
class ShippedPlanPublication {

    private static final Logger log = LoggerFactory.getLogger(ShippedPlanPublication.class);

    private final PlanCatalogue shipped;
    private final PlanRegistry registry;
    private final ConsumerFactory<?, ?> consumers;
    private final boolean enabled;

    ShippedPlanPublication(PlanCatalogue shipped, PlanRegistry registry, ConsumerFactory<?, ?> consumers,
            @Value("${planwatch.plans.publish-shipped:true}") boolean enabled) {
        this.shipped = shipped;
        this.registry = registry;
        this.consumers = consumers;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishOnAFreshLog() {
        if (!enabled) {
            return;
        }
        String plan = shipped.plan().id();
        try {
            if (inLog(plan)) {
                return;
            }
            registry.publishShipped(shipped).ifPresent(published -> log.info("published the shipped plan {} v{} ({})",
                    published.plan(), published.version(), published.eventId()));
        } catch (RuntimeException e) {
            log.warn("could not publish the shipped plan {} now; the next start will: {}", plan, e.toString());
        }
    }

    /** Whether any event of the plan is in the plan topic: read from the beginning to the end as it is now. */
    boolean inLog(String plan) {
        Properties reading = new Properties();
        reading.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, "plan-publication", null, reading)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PLAN_EVENTS, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
                    if (plan.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
