package cn.gov.planwatch.reporting.ops.internal;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the broker says about topics and consumer groups, through one long-lived admin client.
 * Every call is bounded; a broker that does not answer is a {@link BrokerUnavailableException}.
 */
@Component
public class StreamsReader implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    StreamsReader(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-ops");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    /** The end offset of every partition of those topics that exist; missing topics are left out. */
    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, future) -> {
            TopicDescription description = getIfExists(future);
            if (description != null) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest()));
            }
        });
        if (latest.isEmpty()) {
            return Map.of();
        }
        return get(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Every consumer group the broker knows, with the partitions of {@code topics} it has committed
     * offsets for or has been assigned (committed null: assigned, nothing committed yet).
     */
    public Map<String, GroupPosition> consumerGroups(Set<String> topics) {
        Map<String, GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
                .stream().collect(Collectors.toMap(GroupListing::groupId, Function.identity(), (a, b) -> a));
        if (listings.isEmpty()) {
            return Map.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(listings.keySet()).all());
        Map<String, ListConsumerGroupOffsetsSpec> specs = listings.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), id -> new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult committed = admin.listConsumerGroupOffsets(specs);

        Map<String, GroupPosition> groups = new TreeMap<>();
        for (String groupId : listings.keySet()) {
            ConsumerGroupDescription description = descriptions.get(groupId);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            get(committed.partitionsToOffsetAndMetadata(groupId)).forEach((tp, offset) -> {
                if (offset != null && topics.contains(tp.topic())) {
                    offsets.put(tp, offset.offset());
                }
            });
            Set<TopicPartition> partitions = new TreeSet<>(
                    Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            partitions.addAll(offsets.keySet());
            if (description != null) {
                description.members().stream().map(MemberDescription::assignment)
                        .flatMap(assignment -> assignment.topicPartitions().stream())
                        .filter(tp -> topics.contains(tp.topic()))
                        .forEach(partitions::add);
            }
            String state = description != null ? description.groupState().name()
                    : listings.get(groupId).groupState().map(Enum::name).orElse("UNKNOWN");
            int members = description == null ? 0 : description.members().size();
            Map<TopicPartition, Long> committedOrNull = new LinkedHashMap<>();
            partitions.forEach(tp -> committedOrNull.put(tp, offsets.get(tp)));
            groups.put(groupId, new GroupPosition(groupId, state, members, committedOrNull));
        }
        return groups;
    }

    /** A consumer group's state and, per partition, its committed offset (null when none yet). */
    public record GroupPosition(String groupId, String state, int members, Map<TopicPartition, Long> committed) {
    }

    /** The broker did not answer in time, or refused. */
    public static class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(Throwable cause) {
            super("the Kafka broker did not answer: " + cause.getMessage(), cause);
        }
    }

    private static <T> T getIfExists(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new BrokerUnavailableException(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
