package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The quarterly update cycle of each plan: an agency submits its update, the plan's lead agency accepts or returns
 * it. A plan's updates are its own, judged against the plan's version in force and on its calendar.
 */
@RestController
@Tag(name = "Quarterly updates", description = "An agency declares its quarterly update complete; the plan's lead"
        + " agency accepts it (locking the quarter) or returns it for revision / 季度更新的提交、接受与退回")
class QuarterlyUpdateController {

    private static final Logger security = LoggerFactory.getLogger("planwatch.security");

    private final PlansInForce plans;
    private final QuarterlyUpdateRecorder recorder;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    QuarterlyUpdateController(PlansInForce plans, QuarterlyUpdateRecorder recorder, CallerResolver callers,
            IdempotentWrites idempotentWrites) {
        this.plans = plans;
        this.recorder = recorder;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    /**
     * {@code status} says the request was taken into the log (as for every write); {@code state} is where
     * the update stands now.
     */
    @Schema(name = "QuarterlyUpdateStepAccepted", description = "A step of the quarterly update cycle (submission,"
            + " acceptance or return) taken into the event log; it will reach every read model.")
    record Accepted(
            @Schema(description = "The id of the recorded lifecycle event", requiredMode = REQUIRED,
                    example = "5d0c8f3e-1b7a-4c2e-9f64-8a3b2c1d0e9f") UUID eventId,
            @Schema(description = "The agency whose update it is", requiredMode = REQUIRED, example = "SAMR")
            String agency,
            @Schema(description = "The quarter, YYYY-Qn", requiredMode = REQUIRED, example = "2025-Q3") String quarter,
            @Schema(description = "Always ACCEPTED: the step is durably in the log (not the lead's acceptance)",
                    requiredMode = REQUIRED, allowableValues = "ACCEPTED", example = "ACCEPTED") String status,
            @Schema(description = "Where the update stands after this step: SUBMITTED awaits the lead agency's review,"
                    + " RETURNED is reopened for revision, ACCEPTED is locked", requiredMode = REQUIRED,
                    example = "SUBMITTED") QuarterlyUpdateState state) {

        static ResponseEntity<Accepted> of(QuarterlyUpdateEvent event) {
            return ResponseEntity.accepted().body(new Accepted(event.eventId(), event.agency(), event.quarter(),
                    "ACCEPTED", QuarterlyUpdateState.after(event)));
        }
    }

    @PostMapping(path = {"/api/v1/quarterly-updates", "/api/v1/plans/{plan}/quarterly-updates"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitQuarterlyUpdate", summary = "Submit the agency's quarterly update"
            + " / 提交本部门季度更新",
            description = "The token's agency declares its update for the quarter complete; it then awaits the plan's"
                    + " lead agency's review. A returned update is submitted again the same way. Refused once the plan"
                    + " is closed.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SubmissionRequest.class),
            examples = @ExampleObject(name = "quarter", summary = "Submit 2025-Q3 / 提交 2025 年第三季度",
                    description = "The agency's update for the third quarter of 2025 is complete",
                    value = "{\"quarter\": \"2025-Q3\"}")))
    @ApiResponse(responseCode = "202", description = "The submission is durably in the event log / 提交已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "403", description = "The token names no agency of the plan, or the caller's role may"
            + " not submit / 令牌未指明规划中的部门")
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    @ApiResponse(responseCode = "409", description = "Already submitted and awaiting review, the quarter is locked"
            + " (accepted), the plan is closed (plan-closed), or a request with this Idempotency-Key is still in"
            + " flight / 已提交待审、季度已锁定、规划已关闭，或同一 Idempotency-Key 的请求仍在处理中")
    @ApiResponse(responseCode = "422", description = "A quarter outside the plan or not yet begun, or this"
            + " Idempotency-Key used with another request / 季度不在规划期内或尚未开始，或幂等键用于不同请求")
    ResponseEntity<Accepted> submit(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION,
                    example = "submit-SAMR-2025-Q3")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody SubmissionRequest request) {
        Caller caller = callers.current();
        return once(caller, idempotencyKey, PlansInForce.address(plan, "/quarterly-updates"), request, claim -> {
            PlanInForce inForce = plans.open(plan);
            String agency = new QuarterlyUpdateRules(inForce.document()).submittingAgency(caller);
            ReportingPeriod quarter = plans.calendar(inForce).reportableQuarter("quarter", request.quarter());
            return recorder.submit(claim, caller, inForce.id(), agency, quarter);
        });
    }

    @PostMapping({"/api/v1/quarterly-updates/{agency}/{quarter}/accept",
            "/api/v1/plans/{plan}/quarterly-updates/{agency}/{quarter}/accept"})
    @Operation(operationId = "acceptQuarterlyUpdate", summary = "Accept an agency's quarterly update"
            + " / 接受部门季度更新",
            description = "The plan's lead agency accepts a submitted update: the agency's quarter is locked, and later"
                    + " writes for it are refused with 409 until the lead returns it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    description = "None is needed; a body, such as {}, is ignored / 无需请求体，若有则忽略",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", example = "{}"))))
    @ApiResponse(responseCode = "202", description = "The acceptance is durably in the event log / 接受已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ReviewRefusals
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used with another request"
            + " / 幂等键用于不同请求")
    ResponseEntity<Accepted> accept(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The agency whose update it is / 部门代码", example = "SAMR")
            @PathVariable String agency,
            @Parameter(description = "The quarter, YYYY-Qn / 季度", example = "2025-Q3") @PathVariable String quarter,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION,
                    example = "accept-SAMR-2025-Q3")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey) {
        Caller caller = callers.current();
        new QuarterlyUpdateRules(plans.find(plan).document()).requireLeadOfPlan(caller);
        String path = PlansInForce.address(plan, "/quarterly-updates/" + agency + "/" + quarter + "/accept");
        return once(caller, idempotencyKey, path, "", claim -> {
            PlanInForce inForce = plans.open(plan);
            String code = new QuarterlyUpdateRules(inForce.document()).agency(agency).code();
            return recorder.accept(claim, caller, inForce.id(), code, plans.calendar(inForce).knownQuarter(quarter));
        });
    }

    @PostMapping(path = {"/api/v1/quarterly-updates/{agency}/{quarter}/return",
            "/api/v1/plans/{plan}/quarterly-updates/{agency}/{quarter}/return"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "returnQuarterlyUpdate", summary = "Return an agency's quarterly update for revision"
            + " / 退回部门季度更新", description = "The plan's lead agency returns a submitted update with its reason and"
            + " what to revise (indicator codes and programme slugs); the agency revises and submits again.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReturnRequest.class),
            examples = @ExampleObject(name = "revise", summary = "Ask for two revisions / 要求修改两项",
                    description = "Return with a reason, naming an indicator and a programme to revise", value = """
                    {"reason": "请补充商业秘密保护工程第三季度的里程碑数据，并核对专利密集型产业增加值",
                     "items": ["IND-03", "trade-secrets"]}""")))
    @ApiResponse(responseCode = "202", description = "The return is durably in the event log / 退回已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ReviewRefusals
    @ApiResponse(responseCode = "422", description = "An item that is neither an indicator code nor a programme slug of"
            + " the plan, or named twice; a reason with unprintable characters; or this Idempotency-Key used with"
            + " another request; errors[] names the field / 退回项不属于规划或重复，或幂等键用于不同请求")
    ResponseEntity<Accepted> giveBack(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The agency whose update it is / 部门代码", example = "SAMR")
            @PathVariable String agency,
            @Parameter(description = "The quarter, YYYY-Qn / 季度", example = "2025-Q3") @PathVariable String quarter,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION,
                    example = "return-SAMR-2025-Q3")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReturnRequest request) {
        Caller caller = callers.current();
        new QuarterlyUpdateRules(plans.find(plan).document()).requireLeadOfPlan(caller);
        String path = PlansInForce.address(plan, "/quarterly-updates/" + agency + "/" + quarter + "/return");
        return once(caller, idempotencyKey, path, request, claim -> {
            PlanInForce inForce = plans.open(plan);
            QuarterlyUpdateRules rules = new QuarterlyUpdateRules(inForce.document());
            String code = rules.agency(agency).code();
            ReportingPeriod known = plans.calendar(inForce).knownQuarter(quarter);
            List<String> items = rules.checkReturn(request.reason(), request.items());
            return recorder.giveBack(claim, caller, inForce.id(), code, known, request.reason(), items);
        });
    }

    /** A refused reviewer is the caller's own standing, not a fault of the request: 403, nothing recorded. */
    @ExceptionHandler(NotLeadOfPlanException.class)
    ResponseEntity<ProblemDetail> notLeadOfPlan(NotLeadOfPlanException refused, HttpServletRequest request) {
        security.warn("security.refused status=403 method={} path={} agency={} reason=\"not the plan's lead agency\"",
                request.getMethod(), request.getRequestURI(), refused.callerAgency());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        problem.setType(URI.create(Problems.TYPE_PREFIX + "not-lead-of-plan"));
        problem.setTitle("Not the plan's lead agency");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    // The recorder waits for the log's acknowledgement (under the quarter's lock).
    private ResponseEntity<Accepted> once(Caller caller, String key, String path, Object request,
            Function<EventClaim, QuarterlyUpdateEvent> write) {
        return idempotentWrites.once(caller, key, path, request, Accepted.class, write, Accepted::of);
    }
}
