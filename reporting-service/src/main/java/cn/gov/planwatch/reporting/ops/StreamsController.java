package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.internal.StreamsReader;
import cn.gov.planwatch.reporting.ops.internal.StreamsSnapshots;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators watch the event streams: topics, consumer groups and their lag, event rates. */
@RestController
class StreamsController {

    private final StreamsSnapshots snapshots;

    StreamsController(StreamsSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/api/v1/ops/streams")
    StreamsOverview streams() {
        try {
            return snapshots.current();
        } catch (StreamsReader.BrokerUnavailableException e) {
            throw Problems.eventLogUnavailable("The Kafka broker does not answer; try again shortly.");
        }
    }
}
