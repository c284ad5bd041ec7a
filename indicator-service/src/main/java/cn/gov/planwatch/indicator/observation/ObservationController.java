package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.planrules.observation.IndicatorInPlan;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
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
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

@RestController
@Tag(name = "Observations", description = "Reports of indicator values by the responsible agency, and their history "
        + "/ 责任单位报送的指标数值及其历史")
class ObservationController {

    private final ObservationRules rules;
    private final ObservationRecorder recorder;
    private final ObservationHistory history;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;
    private final DefaultPlan defaultPlan;

    ObservationController(ObservationRules rules, ObservationRecorder recorder, ObservationHistory history,
            CallerResolver callers, IdempotentWrites idempotentWrites, DefaultPlan defaultPlan) {
        this.rules = rules;
        this.recorder = recorder;
        this.history = history;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
        this.defaultPlan = defaultPlan;
    }

    @Schema(description = "A report durably in the event log: it will reach every read model / 报送已写入事件日志，"
            + "将到达所有读模型")
    record ObservationAccepted(
            @Schema(description = "The id of the event that records the report", example =
                    "0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4d", requiredMode = REQUIRED) UUID eventId,
            @Schema(description = "The indicator's code", example = "IND-01", requiredMode = REQUIRED) String indicator,
            @Schema(description = "The period reported", example = "2023", requiredMode = REQUIRED) String period,
            @Schema(description = "Always ACCEPTED", allowableValues = "ACCEPTED", example = "ACCEPTED",
                    requiredMode = REQUIRED) String status) {
    }

    @PostMapping(path = {"/api/v1/indicators/{code}/observations",
            "/api/v1/plans/{plan}/indicators/{code}/observations"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportObservation",
            summary = "Report (or revise) an indicator's value for a period / 报送（或修订）某报告期的指标数值",
            description = "Only the indicator's responsible agency may report it, as the plan's version in force "
                    + "defines it, for a period within the plan's years. A second report for the same plan, "
                    + "indicator and period is a revision: it supersedes the earlier value, which stays in the "
                    + "history. A closed plan takes no more reports. The answer 202 means the report is durably in the event log and will reach every "
                    + "read model; a 4xx or 503 means nothing was recorded. / 仅指标的责任单位可报送。同一指标同一"
                    + "报告期的再次报送即为修订，取代此前数值，原值保留在历史中。已关闭的规划不再接受报送。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ObservationRequest.class),
                    examples = {
                            @ExampleObject(name = "annual", summary = "An annual value / 年度数值",
                                    description = "IND-01 for 2023, with a comment and a source", value = """
                                    {"period": "2023", "value": 11.8, "comment": "年末数据", \
                                    "source": "国家知识产权局统计年报"}"""),
                            @ExampleObject(name = "withUnit", summary = "Naming the unit, by its Chinese symbol / "
                                    + "注明计量单位", description = "IND-03 (in 亿元) for 2024: a report naming "
                                    + "another unit is refused", value = """
                                    {"period": "2024", "value": 2650.5, "comment": "质押融资登记金额，初步统计", \
                                    "source": "国家知识产权局", "unit": "亿元"}""")})))
    @ApiResponse(responseCode = "202", description = "Recorded in the event log / 已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ObservationAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a missing, mistyped or unknown field, a "
            + "period not YYYY or YYYY-Qn (or a quarter for an annual indicator), a malformed Idempotency-Key; "
            + "errors[] names each field / 请求格式有误，errors[] 列出每个字段")
    @ApiResponse(responseCode = "403", description = "Not the indicator's responsible agency, or not a reporter / "
            + "非该指标的责任单位或无报送角色")
    @ApiResponse(responseCode = "404", description = "Unknown plan, or no such indicator in it / 未知规划或规划中无此指标")
    @ApiResponse(responseCode = "409", description = "The plan is closed (plan-closed); the period is locked: the lead "
            + "agency has accepted the quarterly update it falls in (period-locked); or a request with this "
            + "Idempotency-Key is still in progress (idempotency-key-in-flight, with Retry-After) / 规划已关闭，"
            + "该报告期已被牵头单位验收锁定，或同一 "
            + "Idempotency-Key 的请求仍在处理中",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before sending the same request "
                    + "again (idempotency-key-in-flight only)", schema = @Schema(type = "integer", minimum = "1")))
    @ApiResponse(responseCode = "422", description = "Well-formed but not plausible: a value outside the indicator's "
            + "bounds or absurd in magnitude or precision, a period outside the plan or not yet begun, a unit that is "
            + "not the indicator's; or the same Idempotency-Key with a different body (idempotency-key-reused) / "
            + "格式正确但数值不合理，或同一 Idempotency-Key 用于不同请求体")
    ResponseEntity<ObservationAccepted> report(
            @PathVariable(required = false) String plan,
            @Parameter(description = "The indicator's code / 指标代码", example = "IND-01") @PathVariable String code,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION, example = "7f3c9e4a-2b1d-4c8e-9a6f-0d5e8b7c1a23",
                    schema = @Schema(type = "string", pattern = "^[\\x21-\\x7e]{1,255}$", maxLength = 255))
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ObservationRequest request) {
        Caller caller = callers.current();
        // A retry under the same key gets the first answer even if the rules would now refuse it. The key's scope is
        // the path as called, so that keys used on the unscoped path keep their meaning.
        String scope = (plan == null ? "/api/v1" : "/api/v1/plans/" + plan) + "/indicators/" + code + "/observations";
        return idempotentWrites.once(caller, idempotencyKey, scope, request, ObservationAccepted.class, claim -> {
            IndicatorInPlan target = rules.reportable(defaultPlan.or(plan), code);
            ReportingPeriod period = rules.check(caller, target, request);
            return recorder.record(claim, caller, target, period, request);
        }, event -> ResponseEntity.accepted().body(
                new ObservationAccepted(event.eventId(), event.indicator(), event.period(), "ACCEPTED")));
    }

    @GetMapping({"/api/v1/indicators/{code}/observations", "/api/v1/plans/{plan}/indicators/{code}/observations"})
    @Operation(operationId = "listObservations",
            summary = "Every report of an indicator, revisions included, oldest first / 指标的全部报送（含修订），按时间先后",
            description = "The reports to the plan only, in the order the event log holds them; current is false on "
                    + "a report a revision has superseded. A closed plan's reports stay readable. / 仅含该规划的报送，"
                    + "按事件日志顺序；被修订取代的报送 current 为 false。")
    @ApiResponse(responseCode = "200", description = "The indicator's reports / 指标的报送记录",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = Observation.class))))
    @ApiResponse(responseCode = "404", description = "Unknown plan, or no such indicator in it / 未知规划或规划中无此指标")
    List<Observation> observations(@PathVariable(required = false) String plan,
            @Parameter(description = "The indicator's code / 指标代码", example = "IND-01") @PathVariable String code) {
        IndicatorInPlan target = rules.indicator(defaultPlan.or(plan), code);
        return history.of(target.plan(), target.indicator().code());
    }
}
