package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Programme progress: reports by the programme's agencies, their history, and the programme's roll-up; each plan's
 * programmes apart, judged against the plan's version in force and on its calendar.
 */
@RestController
@Tag(name = "Programme progress", description = "Quarterly progress reports on a programme by its agencies, and the"
        + " programme's roll-up / 专栏实施进展的季度报告及汇总")
class ProgressController {

    private final PlansInForce plans;
    private final ProgressRecorder recorder;
    private final ProgressHistory history;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    ProgressController(PlansInForce plans, ProgressRecorder recorder, ProgressHistory history, CallerResolver callers,
            IdempotentWrites idempotentWrites) {
        this.plans = plans;
        this.recorder = recorder;
        this.history = history;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    @Schema(name = "ProgressReportAccepted",
            description = "A progress report taken into the event log; it will reach every read model.")
    record Accepted(
            @Schema(description = "The id of the recorded event; the report's eventId in listProgressReports",
                    requiredMode = REQUIRED, example = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10") UUID eventId,
            @Schema(description = "The programme's slug", requiredMode = REQUIRED, example = "trade-secrets")
            String programme,
            @Schema(description = "The quarter reported, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3")
            String quarter,
            @Schema(description = "Always ACCEPTED: the report is durably in the log", requiredMode = REQUIRED,
                    allowableValues = "ACCEPTED", example = "ACCEPTED") String status) {
    }

    /** The catalogue's definition, the latest report of each agency that reported, and the roll-up. */
    @Schema(description = "A programme as the catalogue defines it, with the latest report of each agency that has"
            + " reported and the programme's roll-up.")
    record ProgrammeDetail(@JsonUnwrapped Programme definition,
            @Schema(description = "The latest report of each agency that has reported, by agency code: its latest"
                    + " quarter's current revision; lead first, then participants in catalogue order",
                    requiredMode = REQUIRED) Map<String, ProgressReport> latestByAgency,
            @Schema(requiredMode = REQUIRED) ProgrammeRollUp rollUp) {
    }

    @PostMapping(path = {"/api/v1/programmes/{slug}/progress", "/api/v1/plans/{plan}/programmes/{slug}/progress"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportProgress", summary = "Report a programme's progress for a quarter / 报送专栏季度进展",
            description = "Only the programme's lead or participating agencies report (the token's agency). A second"
                    + " report by the same agency for the same quarter is a revision: it supersedes the earlier one,"
                    + " which stays in the history. Refused with 409 once the lead agency has accepted the agency's"
                    + " quarterly update for that quarter, and once the plan is closed.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProgressRequest.class),
            examples = @ExampleObject(name = "onTrack", summary = "A quarter on track / 进展顺利的季度",
                    description = "The lead agency's report, with one measure completed", value = """
                    {"quarter": "2025-Q3", "status": "ON_TRACK", "percentComplete": 60,
                     "summary": "商业秘密保护指引已发布，试点地区完成培训",
                     "risks": "跨境援助机制仍待部际协调",
                     "measures": [{"code": "policy", "status": "COMPLETED", "note": "指引已印发"}],
                     "milestones": []}""")))
    @ApiResponse(responseCode = "202", description = "The report is durably in the event log / 报告已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "403", description = "The token's agency is not one of the programme's agencies, or the"
            + " caller's role may not report / 调用方所属部门不是该专栏的牵头或参与部门")
    @ApiResponse(responseCode = "404", description = "No programme of the plan has this slug, or no plan is published"
            + " under this id / 规划中没有该专栏，或没有该规划")
    @ApiResponse(responseCode = "409", description = "The quarter is locked (its update was accepted by the lead"
            + " agency), the plan is closed (plan-closed), or a request with this Idempotency-Key is still in flight"
            + " / 该季度已被牵头部门接受而锁定、规划已关闭，或同一 Idempotency-Key 的请求仍在处理中")
    @ApiResponse(responseCode = "422", description = "Well-formed but not plausible: a quarter outside the plan or not"
            + " yet begun, a measure or milestone not of this programme or named twice, percentComplete outside 0–100,"
            + " or this Idempotency-Key used with another request; errors[] names the field"
            + " / 格式正确但不合理，errors[] 指明字段")
    ResponseEntity<Accepted> report(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The programme's slug in the catalogue / 专栏标识", example = "trade-secrets")
            @PathVariable String slug,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION, example = "progress-SAMR-2025-Q3-01")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ProgressRequest request) {
        Caller caller = callers.current();
        // A retry under the same key gets the first answer even if the rules would now refuse it.
        return idempotentWrites.once(caller, idempotencyKey,
                PlansInForce.address(plan, "/programmes/" + slug + "/progress"), request, Accepted.class, claim -> {
                    PlanInForce inForce = plans.open(plan);
                    ProgressRules rules = rules(inForce);
                    Programme programme = rules.programme(slug);
                    ReportingPeriod quarter = rules.check(caller, programme, request);
                    return recorder.record(claim, caller, inForce.id(), programme, quarter, request);
                }, event -> ResponseEntity.accepted().body(
                        new Accepted(event.eventId(), event.programme(), event.quarter(), "ACCEPTED")));
    }

    @GetMapping({"/api/v1/programmes/{slug}", "/api/v1/plans/{plan}/programmes/{slug}"})
    @Operation(operationId = "getProgramme", summary = "Get a programme with its progress / 查询专栏及其进展",
            description = "The catalogue's definition, the latest report of each agency that has reported, and the"
                    + " roll-up: the lead's standing, the worst participant, each milestone against its target, and"
                    + " the agencies that have not reported for the current quarter.")
    @ApiResponse(responseCode = "200", description = "The programme / 专栏",
            content = @Content(schema = @Schema(implementation = ProgrammeDetail.class)))
    @ApiResponse(responseCode = "404", description = "No programme of the plan has this slug, or no plan is published"
            + " under this id / 规划中没有该专栏，或没有该规划")
    ProgrammeDetail programme(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The programme's slug in the catalogue / 专栏标识", example = "trade-secrets")
            @PathVariable String slug) {
        PlanInForce inForce = plans.find(plan);
        Programme programme = rules(inForce).programme(slug);
        List<ProgressReport> current = history.current(inForce.id(), programme.slug());
        return new ProgrammeDetail(programme, ProgrammeRollUp.latestByAgency(programme, current),
                ProgrammeRollUp.of(programme, current, plans.calendar(inForce).currentQuarter()));
    }

    @GetMapping({"/api/v1/programmes/{slug}/progress", "/api/v1/plans/{plan}/programmes/{slug}/progress"})
    @Operation(operationId = "listProgressReports", summary = "List a programme's progress reports / 列出专栏进展报告",
            description = "Every report on the programme, revisions included (current false once superseded), oldest"
                    + " first: a JSON array.")
    @ApiResponse(responseCode = "200", description = "The reports / 进展报告列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProgressReport.class))))
    @ApiResponse(responseCode = "404", description = "No programme of the plan has this slug, or no plan is published"
            + " under this id / 规划中没有该专栏，或没有该规划")
    List<ProgressReport> progress(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The programme's slug in the catalogue / 专栏标识", example = "trade-secrets")
            @PathVariable String slug) {
        PlanInForce inForce = plans.find(plan);
        return history.of(inForce.id(), rules(inForce).programme(slug).slug());
    }

    private ProgressRules rules(PlanInForce plan) {
        return new ProgressRules(plan.document(), plans.calendar(plan));
    }
}
