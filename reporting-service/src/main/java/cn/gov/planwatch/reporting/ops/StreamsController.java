package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.internal.StreamsReader;
import cn.gov.planwatch.reporting.ops.internal.StreamsSnapshots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators watch the event streams: topics, consumer groups and their lag, event rates. */
@RestController
@Tag(name = "Operations", description = "The event streams and the events no listener could process, for operators"
        + " / 运维：事件流与无法处理的事件")
class StreamsController {

    private final StreamsSnapshots snapshots;

    StreamsController(StreamsSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/api/v1/ops/streams")
    @Operation(operationId = "getStreams", summary = "The event streams and their lag / 事件流及消费延迟",
            description = "Every PlanWatch topic and dead-letter topic with its partitions' end offsets and its"
                    + " event rate, and every consumer group with its committed offsets and lag. Answers are cached"
                    + " for under two seconds.")
    @ApiResponse(responseCode = "200", description = "The streams as the broker reports them / 代理报告的事件流")
    @ApiResponse(responseCode = "503", description = "The Kafka broker does not answer; try again after Retry-After"
            + " / Kafka 代理无响应，请稍后重试")
    StreamsOverview streams() {
        try {
            return snapshots.current();
        } catch (StreamsReader.BrokerUnavailableException e) {
            throw Problems.eventLogUnavailable("The Kafka broker does not answer; try again shortly.");
        }
    }
}
