package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.reporting.ops.StreamsOverview;
import cn.gov.planwatch.reporting.ops.StreamsOverview.GroupLine;
import cn.gov.planwatch.reporting.ops.StreamsOverview.GroupPartition;
import cn.gov.planwatch.reporting.ops.StreamsOverview.PartitionEnd;
import cn.gov.planwatch.reporting.ops.StreamsOverview.RateWindow;
import cn.gov.planwatch.reporting.ops.StreamsOverview.TopicLine;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The streams overview, built from the broker at most once per {@code planwatch.ops.streams-cache-ttl}
 * (1.5 s): a dashboard polling every second, or several of them, cost the broker one round of admin calls.
 */
@Component
public class StreamsSnapshots {

    private final StreamsReader reader;
    private final EventRateSampler rates;
    private final Clock clock;
    private final Duration ttl;
    private StreamsOverview cached;

    StreamsSnapshots(StreamsReader reader, EventRateSampler rates, Clock clock,
            @Value("${planwatch.ops.streams-cache-ttl:PT1.5S}") Duration ttl) {
        this.reader = reader;
        this.rates = rates;
        this.clock = clock;
        this.ttl = ttl;
    }

    // Synchronized so that concurrent pollers wait for one build instead of each calling the broker.
    public synchronized StreamsOverview current() {
        Instant now = clock.instant();
        if (cached == null || !cached.asOf().plus(ttl).isAfter(now)) {
            cached = build(now);
        }
        return cached;
    }

    private StreamsOverview build(Instant now) {
        List<String> topics = StreamTopics.all();
        Map<TopicPartition, Long> ends = reader.endOffsets(topics);
        Map<String, StreamsReader.GroupPosition> groups = reader.consumerGroups(new HashSet<>(topics));
        EventRateSampler.EventRates eventRates = rates.rates();

        List<TopicLine> topicLines = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionEnd> partitions = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .map(e -> new PartitionEnd(e.getKey().partition(), e.getValue()))
                    .sorted(Comparator.comparingInt(PartitionEnd::partition)).toList();
            if (partitions.isEmpty()) {
                continue; // not created yet
            }
            topicLines.add(new TopicLine(topic, StreamTopics.isDeadLetterTopic(topic), partitions,
                    partitions.stream().mapToLong(PartitionEnd::endOffset).sum(),
                    eventRates.perSecond().get(topic)));
        }

        List<GroupLine> groupLines = groups.values().stream().map(group -> {
            List<GroupPartition> partitions = group.committed().entrySet().stream().map(e -> {
                Long end = ends.get(e.getKey());
                Long committed = e.getValue();
                Long lag = end == null || committed == null ? null : Math.max(0, end - committed);
                return new GroupPartition(e.getKey().topic(), e.getKey().partition(), committed, end, lag);
            }).toList();
            long lag = partitions.stream().filter(p -> p.lag() != null).mapToLong(GroupPartition::lag).sum();
            return new GroupLine(group.groupId(), group.state(), group.members(), lag, partitions);
        }).toList();

        RateWindow window = new RateWindow(eventRates.window().toSeconds(), eventRates.interval().toMillis() / 1000.0,
                eventRates.covered().toMillis() / 1000.0);
        return new StreamsOverview(now, window, topicLines, groupLines);
    }
}
