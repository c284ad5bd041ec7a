package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.internal.AuditedReplay;
import cn.gov.planwatch.reporting.ops.internal.DeadLetterStore;
import cn.gov.planwatch.reporting.ops.internal.OpsAudit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events no listener could process, and their replay; every call is audited. */
@RestController
@Tag(name = "Operations")
class DeadLetterController {

    private static final int MAX_LIMIT = 200;

    private final DeadLetterStore store;
    private final AuditedReplay replays;
    private final CallerResolver callers;
    private final OpsAudit audit;

    DeadLetterController(DeadLetterStore store, AuditedReplay replays, CallerResolver callers, OpsAudit audit) {
        this.store = store;
        this.replays = replays;
        this.callers = callers;
        this.audit = audit;
    }

    @GetMapping("/api/v1/ops/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "Events no listener could process / 无法处理的事件",
            description = "The dead letters, newest first, a page at a time: each with the record's origin, the"
                    + " consumer group that gave up on it, the failure and whether it was replayed. The call is"
                    + " audited.")
    @ApiResponse(responseCode = "200", description = "One page of dead letters / 一页死信")
    DeadLetterPage deadLetters(
            @Parameter(description = "How many to return, 1–" + MAX_LIMIT + " / 每页条数",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "50"))
            @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "How many of the newest to skip / 跳过条数",
                    schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw Problems.invalidField("offset", "must not be negative");
        }
        DeadLetterPage page = new DeadLetterPage(store.count(), limit, offset, store.page(limit, offset));
        audit.record(callers.current(), "dead-letters.list", null, "OK");
        return page;
    }

    @PostMapping("/api/v1/ops/dead-letters/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter / 重放死信",
            description = "Re-publishes the dead letter's original bytes and headers to its original topic under the"
                    + " same key, and marks it REPLAYED once the broker has acknowledged it. Every projection applies"
                    + " an event once per event id, so a replay is applied exactly once. The call is audited.")
    @ApiResponse(responseCode = "202", description = "The broker acknowledged the re-published record / 已重新发布")
    @ApiResponse(responseCode = "404", description = "No dead letter has this id / 无此死信")
    @ApiResponse(responseCode = "409", description = "The dead letter was already replayed; a new failure of it is a"
            + " new dead letter / 该死信已重放")
    @ApiResponse(responseCode = "503", description = "The event log did not acknowledge the replay; the dead letter"
            + " stays NEW, try again after Retry-After / 事件日志未确认，死信仍为 NEW")
    ResponseEntity<ReplayAccepted> replay(@Parameter(description = "The dead letter's id / 死信标识",
            schema = @Schema(type = "string", format = "uuid", example = "c481a00d-7508-3761-823f-5269319bc740"))
            @PathVariable String id) {
        return ResponseEntity.accepted().body(replays.replay(id, callers.current()));
    }
}
