package cn.gov.planwatch.reporting.ops;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/ops/streams}: every PlanWatch topic and dead-letter topic with its partitions' end
 * offsets and its rate, and every consumer group with its committed offsets and lag.
 *
 * @param asOf       when the broker was asked (answers are cached for under two seconds)
 * @param rateWindow over what time {@code eventsPerSecond} is measured
 */
public record StreamsOverview(Instant asOf, RateWindow rateWindow, List<TopicLine> topics,
        List<GroupLine> consumerGroups) {

    /**
     * @param seconds            the window the rate looks back over
     * @param sampleEverySeconds how often end offsets are sampled
     * @param coveredSeconds     the time between the two samples used (less than the window after a start)
     */
    public record RateWindow(long seconds, double sampleEverySeconds, double coveredSeconds) {
    }

    /** @param eventsPerSecond null until two samples of the topic exist */
    public record TopicLine(String name, boolean deadLetters, List<PartitionEnd> partitions, long endOffsetTotal,
            Double eventsPerSecond) {
    }

    public record PartitionEnd(int partition, long endOffset) {
    }

    /** @param lag the sum of the partitions' lags that are known */
    public record GroupLine(String groupId, String state, int members, long lag, List<GroupPartition> partitions) {
    }

    /** @param committedOffset null while the group holds the partition but has committed nothing yet */
    public record GroupPartition(String topic, int partition, Long committedOffset, Long endOffset, Long lag) {
    }
}
