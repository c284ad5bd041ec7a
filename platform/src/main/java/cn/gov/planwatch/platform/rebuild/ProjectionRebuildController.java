package cn.gov.planwatch.platform.rebuild;

import cn.gov.planwatch.platform.caller.Caller;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators rebuild a service's read models from the log, and follow their progress. The description names each read
 * model's own paths ({@link ProjectionRebuildPaths}), so that the services' descriptions merge.
 */
@RestController
@Tag(name = "Projections", description = "Operators rebuild a read model from the event log without downtime, "
        + "and follow its progress / 运维人员从事件日志不停机重建读模型并跟踪进度")
class ProjectionRebuildController {

    static final String REBUILD = "/api/v1/ops/projections/{name}/rebuild";
    static final String STATUS = "/api/v1/ops/projections/{name}";

    private static final Logger audit = LoggerFactory.getLogger("planwatch.audit");

    private final ProjectionRebuilds rebuilds;
    private final CallerResolver callers;

    ProjectionRebuildController(ProjectionRebuilds rebuilds, CallerResolver callers) {
        this.rebuilds = rebuilds;
        this.callers = callers;
    }

    @PostMapping(REBUILD)
    @Operation(operationId = "rebuildProjection",
            summary = "Rebuild a read model from the event log / 从事件日志重建读模型",
            description = "Replays the log from offset 0 into fresh tables while the live model keeps serving; then, "
                    + "in one transaction that holds every instance's projector, catches up to the log's end and "
                    + "replaces the live tables' contents: readers see the old model or the new one, never neither. "
                    + "One instance runs it; it runs in the background; follow it with GET. A database outage, or an "
                    + "event the replay cannot apply that is not in the dead-letter topic, ends it FAILED with the "
                    + "live model untouched. / 后台重放事件日志至新表，在一个事务中暂停所有实例的投影并替换，期间照常查询。")
    @ApiResponse(responseCode = "202", description = "The rebuild has started / 重建已开始",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RebuildStatus.class)))
    @ApiResponse(responseCode = "404", description = "Unknown read model / 未知读模型")
    @ApiResponse(responseCode = "409", description = "A rebuild of this read model is already running, on this "
            + "instance or another (rebuild-running); the problem's rebuild member is its status / 该读模型正在重建",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = RebuildRunningProblem.class)))
    ResponseEntity<Object> start(@Parameter(description = "The read model / 读模型") @PathVariable String name) {
        requireKnown(name);
        Caller caller = callers.current();
        try {
            RebuildStatus started = rebuilds.start(name, caller);
            audit.info("audit action=rebuild projection={} client={} subject={} agency={}", name, caller.clientId(),
                    caller.subject(), caller.agency());
            return ResponseEntity.accepted().body(started);
        } catch (RebuildRunning running) {
            RebuildRunningProblem problem = new RebuildRunningProblem(Problems.TYPE_PREFIX + "rebuild-running",
                    "Rebuild running", HttpStatus.CONFLICT.value(), running.getMessage(),
                    REBUILD.replace("{name}", name), running.running());
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONTENT_LANGUAGE, "en").body(problem);
        }
    }

    @GetMapping(STATUS)
    @Operation(operationId = "getProjectionRebuild",
            summary = "Where the last rebuild of a read model stands / 读模型最近一次重建的进度",
            description = "IDLE when it was never rebuilt. Every instance answers the same. / 从未重建时为 IDLE。")
    @ApiResponse(responseCode = "200", description = "The rebuild's state / 重建进度",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RebuildStatus.class)))
    @ApiResponse(responseCode = "404", description = "Unknown read model / 未知读模型")
    RebuildStatus status(@Parameter(description = "The read model / 读模型") @PathVariable String name) {
        requireKnown(name);
        return rebuilds.status(name);
    }

    private void requireKnown(String name) {
        if (!rebuilds.knows(name)) {
            throw Problems.notFound("projection", name);
        }
    }
}
