package cn.gov.planwatch.reporting.ops;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code GET /api/v1/ops/streams}: every PlanWatch topic and dead-letter topic with its partitions' end
 * offsets and its rate, and every consumer group with its committed offsets and lag.
 *
 * @param asOf       when the broker was asked (answers are cached for under two seconds)
 * @param rateWindow over what time {@code eventsPerSecond} is measured
 */
@Schema(description = "Every PlanWatch topic and dead-letter topic with its end offsets and rate, and every consumer"
        + " group with its committed offsets and lag / 各主题的末端偏移与速率，各消费组的已提交偏移与延迟")
public record StreamsOverview(
        @Schema(description = "When the broker was asked (answers are cached for under two seconds)",
                requiredMode = REQUIRED, example = "2025-07-11T09:00:00.123Z") Instant asOf,
        @Schema(requiredMode = REQUIRED) RateWindow rateWindow,
        @Schema(requiredMode = REQUIRED) List<TopicLine> topics,
        @Schema(requiredMode = REQUIRED) List<GroupLine> consumerGroups) {

    /**
     * @param seconds            the window the rate looks back over
     * @param sampleEverySeconds how often end offsets are sampled
     * @param coveredSeconds     the time between the two samples used (less than the window after a start)
     */
    @Schema(description = "Over what time eventsPerSecond is measured / 速率的统计窗口")
    public record RateWindow(
            @Schema(description = "The window the rate looks back over", requiredMode = REQUIRED, example = "60")
            long seconds,
            @Schema(description = "How often end offsets are sampled", requiredMode = REQUIRED, example = "5.0")
            double sampleEverySeconds,
            @Schema(description = "The time between the two samples used (less than the window after a start)",
                    requiredMode = REQUIRED, example = "60.02") double coveredSeconds) {
    }

    /** @param eventsPerSecond null until two samples of the topic exist */
    @Schema(description = "One topic / 主题")
    public record TopicLine(
            @Schema(requiredMode = REQUIRED, example = "planwatch.indicator-events") String name,
            @Schema(description = "Whether it is a dead-letter topic", requiredMode = REQUIRED, example = "false")
            boolean deadLetters,
            @Schema(requiredMode = REQUIRED) List<PartitionEnd> partitions,
            @Schema(description = "The sum of the partitions' end offsets", requiredMode = REQUIRED, example = "1284")
            long endOffsetTotal,
            @Schema(description = "Records per second over the rate window; null until two samples of the topic"
                    + " exist", nullable = true, example = "0.2") Double eventsPerSecond) {
    }

    @Schema(description = "One partition's end offset / 分区末端偏移")
    public record PartitionEnd(
            @Schema(requiredMode = REQUIRED, example = "0") int partition,
            @Schema(requiredMode = REQUIRED, example = "428") long endOffset) {
    }

    /** @param lag the sum of the partitions' lags that are known */
    @Schema(description = "One consumer group / 消费组")
    public record GroupLine(
            @Schema(requiredMode = REQUIRED, example = "reporting-service.national-view") String groupId,
            @Schema(description = "The group's state as the broker reports it, UNKNOWN if it does not say",
                    requiredMode = REQUIRED, example = "STABLE") String state,
            @Schema(requiredMode = REQUIRED, example = "1") int members,
            @Schema(description = "The sum of the partitions' lags that are known", requiredMode = REQUIRED,
                    example = "0") long lag,
            @Schema(requiredMode = REQUIRED) List<GroupPartition> partitions) {
    }

    /** @param committedOffset null while the group holds the partition but has committed nothing yet */
    @Schema(description = "One partition of a group: where it stands / 消费组在某分区的位置")
    public record GroupPartition(
            @Schema(requiredMode = REQUIRED, example = "planwatch.indicator-events") String topic,
            @Schema(requiredMode = REQUIRED, example = "0") int partition,
            @Schema(description = "null while the group holds the partition but has committed nothing yet",
                    nullable = true, example = "428") Long committedOffset,
            @Schema(description = "null if the broker did not give it", nullable = true, example = "428")
            Long endOffset,
            @Schema(description = "endOffset − committedOffset; null when either is unknown", nullable = true,
                    example = "0") Long lag) {
    }
}
