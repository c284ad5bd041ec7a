package cn.gov.planwatch.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** How many records a topic holds (the sum of its partitions' end offsets), and whether a group has read them all. */
public final class TopicOffsets {

    public static long endOffsetSum(String bootstrapServers, String topic) {
        return endOffsetSum(plain(bootstrapServers), topic);
    }

    /** The same, through an admin client of these settings (a secured broker's, say). */
    public static long endOffsetSum(Map<String, Object> adminConfig, String topic) {
        try (Admin admin = Admin.create(adminConfig)) {
            return endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** How many records the topics hold together. */
    public static long endOffsetSum(String bootstrapServers, java.util.List<String> topics) {
        return topics.stream().mapToLong(topic -> endOffsetSum(bootstrapServers, topic)).sum();
    }

    /**
     * Waits until {@code groupId} has committed every record now in {@code topic}. A projector commits its
     * offset only after the read-model transaction, so afterwards the read model holds everything sent so far:
     * a test that counts rows "before" must not count another test's event still in flight.
     */
    public static void awaitConsumed(String bootstrapServers, String topic, String groupId, Duration timeout) {
        awaitConsumed(plain(bootstrapServers), topic, groupId, timeout);
    }

    /** The same, through an admin client of these settings (a secured broker's, say). */
    public static void awaitConsumed(Map<String, Object> adminConfig, String topic, String groupId,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topic);
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
                if (caughtUp) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + groupId + " has not consumed " + topic + " within "
                            + timeout + ": end offsets " + ends + ", committed " + committed);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + groupId, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + groupId + " on " + topic, e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<String, Object> plain(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    private TopicOffsets() {
    }
}
