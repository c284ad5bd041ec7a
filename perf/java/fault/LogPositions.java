import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where consumer groups stand in the log, from the broker (AdminClient): run with the broker's jars on the class path.
 *
 * <ul>
 *   <li>{@code caught-up BOOTSTRAP TIMEOUT_S GROUP=TOPIC[+TOPIC…] …} — waits until every group has committed the end
 *       offset of every partition of its topics (an empty partition needs no commit); prints how long it took, or
 *       each group's lag and exits 1 at the timeout.</li>
 *   <li>{@code lag BOOTSTRAP GROUP TOPIC…} — the group's lag per partition.</li>
 *   <li>{@code committed BOOTSTRAP GROUP TOPIC} — the group's committed offset per partition of the topic, and their
 *       sum in a PERF_RESULT line.</li>
 * </ul>
 */
public class LogPositions {

    public static void main(String[] args) throws Exception {
        try (Admin admin = admin(args[1])) {
            switch (args[0]) {
                case "caught-up" -> {
                    long timeoutMs = Long.parseLong(args[2]) * 1000;
                    Map<String, List<String>> groups = new TreeMap<>();
                    for (int i = 3; i < args.length; i++) {
                        String[] g = args[i].split("=", 2);
                        groups.put(g[0], List.of(g[1].split("\\+")));
                    }
                    long begin = System.currentTimeMillis();
                    while (true) {
                        Map<String, Long> lags = new TreeMap<>();
                        for (var group : groups.entrySet()) {
                            lags.put(group.getKey(), lag(admin, group.getKey(), group.getValue()).values().stream()
                                    .mapToLong(Long::longValue).sum());
                        }
                        if (lags.values().stream().allMatch(l -> l == 0)) {
                            System.out.printf(Locale.ROOT, "PERF_RESULT caught_up=yes seconds=%.1f%n",
                                    (System.currentTimeMillis() - begin) / 1000.0);
                            return;
                        }
                        if (System.currentTimeMillis() - begin > timeoutMs) {
                            System.out.println("PERF_RESULT caught_up=no lag=" + lags.toString().replace(' ', '_'));
                            System.exit(1);
                        }
                        Thread.sleep(250);
                    }
                }
                case "lag" -> lag(admin, args[2], List.of(args).subList(3, args.length))
                        .forEach((tp, lag) -> System.out.println(tp + " lag " + lag));
                case "committed" -> {
                    long sum = 0;
                    Map<String, Long> byPartition = new TreeMap<>();
                    committed(admin, args[2]).forEach((tp, offset) -> byPartition.put(tp.toString(), offset));
                    for (var e : byPartition.entrySet()) {
                        if (e.getKey().startsWith(args[3] + "-")) {
                            System.out.println(e.getKey() + " " + e.getValue());
                            sum += e.getValue();
                        }
                    }
                    System.out.println("PERF_RESULT committed=" + sum);
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(props);
    }

    /** End offset minus committed offset (0 when none is committed) of every partition of the topics. */
    static Map<TopicPartition, Long> lag(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(admin, topics);
        Map<TopicPartition, Long> committed = committed(admin, group);
        Map<TopicPartition, Long> lag = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        end.forEach((tp, e) -> lag.put(tp, Math.max(0, e - committed.getOrDefault(tp, 0L))));
        return lag;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> end = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(latest).all().get().entrySet()) {
            end.put(e.getKey(), e.getValue().offset());
        }
        return end;
    }

    static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e
                : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
            if (e.getValue() != null) {
                committed.put(e.getKey(), e.getValue().offset());
            }
        }
        return committed;
    }
}
