package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild the observations read model from the log, and follow its progress. */
@RestController
@Tag(name = "Projections", description = "Operators rebuild a read model from the event log without downtime, "
        + "and follow its progress / 运维人员从事件日志不停机重建读模型并跟踪进度")
class RebuildController {

    private static final Logger audit = LoggerFactory.getLogger("planwatch.audit");

    private final ObservationRebuild rebuild;
    private final CallerResolver callers;

    RebuildController(ObservationRebuild rebuild, CallerResolver callers) {
        this.rebuild = rebuild;
        this.callers = callers;
    }

    @PostMapping("/api/v1/ops/projections/{name}/rebuild")
    @Operation(operationId = "startProjectionRebuild",
            summary = "Rebuild a read model from the event log / 从事件日志重建读模型",
            description = "Replays the log from offset 0 into a fresh schema while the live model keeps serving, "
                    + "catches up with the paused live projector and swaps the tables in one transaction: readers "
                    + "see the old model or the new one, never neither. Runs in the background; follow it with "
                    + "getProjectionRebuild. / 后台重放事件日志至新表并原子切换，期间照常提供查询。")
    @ApiResponse(responseCode = "202", description = "The rebuild has started / 重建已开始",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RebuildStatus.class)))
    @ApiResponse(responseCode = "404", description = "Unknown read model / 未知读模型")
    @ApiResponse(responseCode = "409", description = "A rebuild of this read model is already running "
            + "(rebuild-running) / 该读模型正在重建")
    ResponseEntity<RebuildStatus> start(
            @Parameter(description = "The read model / 读模型", example = ObservationRebuild.PROJECTION,
                    schema = @Schema(type = "string", allowableValues = ObservationRebuild.PROJECTION))
            @PathVariable String name) {
        requireKnown(name);
        var caller = callers.current();
        audit.info("audit action=rebuild projection={} client={} subject={} agency={}", name, caller.clientId(),
                caller.subject(), caller.agency());
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/api/v1/ops/projections/{name}")
    @Operation(operationId = "getProjectionRebuild",
            summary = "Where the last rebuild of a read model stands / 读模型最近一次重建的进度",
            description = "IDLE when none has run since the service started. / 服务启动后未重建时为 IDLE。")
    @ApiResponse(responseCode = "200", description = "The rebuild's state / 重建进度",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RebuildStatus.class)))
    @ApiResponse(responseCode = "404", description = "Unknown read model / 未知读模型")
    RebuildStatus status(
            @Parameter(description = "The read model / 读模型", example = ObservationRebuild.PROJECTION,
                    schema = @Schema(type = "string", allowableValues = ObservationRebuild.PROJECTION))
            @PathVariable String name) {
        requireKnown(name);
        return rebuild.status();
    }

    private static void requireKnown(String name) {
        if (!ObservationRebuild.PROJECTION.equals(name)) {
            throw Problems.notFound("projection", name);
        }
    }
}
