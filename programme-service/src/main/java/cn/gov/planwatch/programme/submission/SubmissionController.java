package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.planrules.NotReporterException;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import cn.gov.planwatch.programme.submission.internal.SubmissionFiles;
import cn.gov.planwatch.programme.submission.internal.SubmissionTemplate;
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
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Bulk submission: an agency's many reports in one request — a JSON document or its filled-in template — judged row by
 * row as the single reports are, recorded all or nothing, atomically in the log; and the template itself.
 */
@RestController
@Tag(name = "Submissions", description = "Many reports in one request, all or nothing, and the agency's template for"
        + " them / 批量报送（全部记录或全部不记录）及报送模板")
class SubmissionController {

    /** The most reports one submission may hold. */
    static final int MAX_ROWS = 10_000;

    private final PlansInForce plans;
    private final SubmissionJudge judge;
    private final SubmissionRecorder recorder;
    private final SubmissionTemplates templates;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;
    private final JsonMapper json;

    SubmissionController(PlansInForce plans, SubmissionJudge judge, SubmissionRecorder recorder,
            SubmissionTemplates templates, CallerResolver callers, IdempotentWrites idempotentWrites, JsonMapper json) {
        this.plans = plans;
        this.judge = judge;
        this.recorder = recorder;
        this.templates = templates;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
        this.json = json;
    }

    @Schema(description = "A submission durably in the event log, as one transaction: every read model will show all"
            + " of it / 报送已作为一个整体写入事件日志，所有读模型将完整呈现")
    record SubmissionAccepted(
            @Schema(description = "The submission's id", requiredMode = REQUIRED,
                    example = "0193a4c2-7d1e-7b3a-9f2e-5c8d1a2b3c4d") UUID submissionId,
            @ArraySchema(arraySchema = @Schema(description = "The id of each report's event, observations first, then"
                    + " progress, each in the submission's order", requiredMode = REQUIRED),
                    schema = @Schema(example = "5a0c7e8e-2f54-3b8c-9d31-7a1f0e6b2c44")) List<UUID> eventIds,
            @Schema(description = "How many indicator values were recorded", requiredMode = REQUIRED, example = "1")
            int observations,
            @Schema(description = "How many progress reports were recorded", requiredMode = REQUIRED, example = "1")
            int progress) {
    }

    /** What a file submission is fingerprinted by, for its Idempotency-Key: the file as sent. */
    record SubmittedFile(String mediaType, byte[] body) {
    }

    @PostMapping(path = "/api/v1/plans/{plan}/submissions",
            consumes = {MediaType.APPLICATION_JSON_VALUE, SubmissionFiles.CSV_VALUE, SubmissionFiles.XLSX_VALUE})
    @Operation(operationId = "submitReports",
            summary = "Submit many indicator values and progress reports at once / 批量报送指标数值和专栏进展",
            description = "The token's agency reports many indicator values and programme progress reports in one"
                    + " request: a JSON document, or the agency's template (getSubmissionTemplate) filled in, as CSV"
                    + " or XLSX. Every row is judged as the single reports judge it (reportObservation,"
                    + " reportProgress); one bad row makes the whole submission 422, its errors[] naming every bad"
                    + " field — observations[3].value in JSON, the sheet's cell in a file, e.g. '指标 Indicators'!G5"
                    + " (a CSV file's sheet is CSV) — and nothing is recorded. Accepted, the submission is one"
                    + " transaction in the event log: every read model shows all of it or none of it. Files: a row"
                    + " without a value (an indicator) or without a status (a programme) is left out; milestones are"
                    + " written code=value; code=value; measures can be reported in JSON only; the informational"
                    + " columns (names, last values, milestone codes) are not read back. A CSV file is UTF-8 (a byte"
                    + " order mark is tolerated), one header line, and a kind column (observation or progress) on"
                    + " every row. At most 10,000 reports and 5 MiB. / 一次报送多项指标数值和专栏进展：JSON 文档，或"
                    + "填好的报送模板（CSV 或 XLSX）。每行按单项报送的规则校验；任一行有误则整体返回 422，errors[]"
                    + " 列出每处错误（文件中为工作表单元格），不记录任何内容。受理后整体作为一个事务写入事件日志。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BulkSubmission.class),
                            examples = @ExampleObject(name = "quarter", summary = "A quarter's reports / 一个季度的报送",
                                    description = "CNIPA's value of IND-01 for 2025 and its progress on patent"
                                            + " navigation", value = """
                                    {"observations": [{"indicator": "IND-01", "period": "2025", "value": 14.0, \
                                    "comment": "年末数据", "source": "国家知识产权局统计年报"}],
                                     "progress": [{"programme": "patent-navigation", "quarter": "2025-Q4", \
                                    "status": "ON_TRACK", "percentComplete": 80, "summary": "导航服务基地完成年度评估", \
                                    "measures": [], "milestones": []}]}""")),
                    @Content(mediaType = SubmissionFiles.CSV_VALUE, schema = @Schema(type = "string",
                            description = "The template's CSV form, filled in: UTF-8, a header line of bilingual"
                                    + " headings, a kind column", example = "kind,code,period,value,unit\n"
                                    + "observation,IND-01,2025,14.0,件\n")),
                    @Content(mediaType = SubmissionFiles.XLSX_VALUE, schema = @Schema(type = "string",
                            format = "binary", description = "The template's workbook, filled in: sheets 指标"
                                    + " Indicators and 进展 Progress"))}))
    @ApiResponse(responseCode = "202", description = "Recorded in the event log, as one transaction / 已整体写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON (or a mistyped or unknown field), not a CSV"
            + " file in UTF-8, not an XLSX workbook; a malformed Idempotency-Key / 请求格式有误")
    @ApiResponse(responseCode = "403", description = "A row names another agency's indicator or programme, or the"
            + " caller may not report / 某行属于其他单位的指标或专栏，或无报送角色")
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    @ApiResponse(responseCode = "409", description = "The plan is closed (plan-closed); a quarter a row reports on has"
            + " been accepted by the lead agency (period-locked, quarter-locked); or a request with this"
            + " Idempotency-Key is still in flight / 规划已关闭、某行所属季度已被牵头单位接受而锁定，或同一"
            + " Idempotency-Key 的请求仍在处理中")
    @ApiResponse(responseCode = "413", description = "Over 5 MiB (body-too-large) or over 10,000 reports"
            + " (too-many-rows) / 超过 5 MiB 或 10,000 项")
    @ApiResponse(responseCode = "422", description = "One or more bad rows (invalid-submission): errors[] names every"
            + " one — a value out of range, a period outside the plan or not begun, an indicator or programme the plan"
            + " does not have, an item reported twice for the same period; a submission with no report at all"
            + " (empty-submission); or this Idempotency-Key used with another body / 存在错误行，errors[] 逐一列出")
    ResponseEntity<SubmissionAccepted> submit(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025") @PathVariable String plan,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION, example = "cnipa-2025-Q4-submission",
                    schema = @Schema(type = "string", pattern = "^[\\x21-\\x7e]{1,255}$", maxLength = 255))
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @RequestBody byte[] body, HttpServletRequest request) {
        Caller caller = callers.current();
        MediaType contentType = MediaType.parseMediaType(request.getContentType());
        boolean jsonBody = MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
        ReadSubmission read = jsonBody ? ReadSubmission.json(parse(body, request))
                : SubmissionFiles.read(contentType.getType() + "/" + contentType.getSubtype(), body, MAX_ROWS);
        if (read.submission().rows() > MAX_ROWS) {
            throw new TooManyRowsException(MAX_ROWS);
        }
        Object fingerprinted = jsonBody ? read.submission()
                : new SubmittedFile(contentType.getType() + "/" + contentType.getSubtype(), body);
        // A retry under the same key gets the first answer even if the rules would now refuse it.
        return idempotentWrites.once(caller, idempotencyKey, PlansInForce.address(plan, "/submissions"), fingerprinted,
                SubmissionAccepted.class, claim -> {
                    PlanInForce inForce = plans.open(plan);
                    SubmissionJudge.Judged judged = judge.judge(caller, inForce, read);
                    return recorder.record(claim, caller, inForce, judged);
                }, recorded -> ResponseEntity.accepted().body(new SubmissionAccepted(recorded.submissionId(),
                        recorded.events().stream().map(PlanEvent::eventId).toList(), recorded.observations(),
                        recorded.progress())));
    }

    private BulkSubmission parse(byte[] body, HttpServletRequest request) {
        try {
            return json.readValue(body, BulkSubmission.class);
        } catch (JacksonException e) {
            // Answered as any JSON body the service cannot read: 400, naming the field where it can.
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        }
    }

    /** The workbook first: a caller that accepts anything gets the workbook. */
    @GetMapping(path = "/api/v1/plans/{plan}/submissions/template",
            produces = {SubmissionFiles.XLSX_VALUE, SubmissionFiles.CSV_VALUE})
    @Operation(operationId = "getSubmissionTemplate",
            summary = "The agency's submission template for a quarter / 本单位某季度的报送模板",
            description = "The token's agency's template: its indicators of the plan (code, name, unit, last period"
                    + " and value, the period to report pre-filled) and the programmes it takes part in (slug, title,"
                    + " its last report, the milestone codes, the quarter pre-filled), under bilingual headings. An"
                    + " XLSX workbook by default (sheets 指标 Indicators and 进展 Progress); Accept: text/csv gives"
                    + " one CSV file (UTF-8 with a byte order mark, a kind column). Filled in, it is posted back as is"
                    + " to submitReports. / 本单位的报送模板：指标（代码、名称、单位、上次数值，报告期已预填）和参与的"
                    + "专栏（上次报告、里程碑代码，季度已预填），中英文表头。默认 XLSX，Accept: text/csv 时为 CSV。")
    @ApiResponse(responseCode = "200", description = "The template, in the media type asked for / 所请求格式的模板",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"submission-"
                    + "<plan>-<agency>-<quarter>.xlsx\" (or .csv) / 文件下载名", schema = @Schema(type = "string")),
            content = {
                    @Content(mediaType = SubmissionFiles.XLSX_VALUE, schema = @Schema(type = "string",
                            format = "binary", description = "A workbook: sheets 指标 Indicators and 进展 Progress")),
                    @Content(mediaType = SubmissionFiles.CSV_VALUE, schema = @Schema(type = "string",
                            description = "CSV, UTF-8 with a byte order mark: bilingual headings, a kind column",
                            example = "\uFEFF类别 Kind,代码 Code,名称 Name,单位 Unit\nobservation,IND-01,"
                                    + "每万人口高价值发明专利拥有量 / High-value invention patents per 10,000"
                                    + " population,件\n"))})
    @ApiResponse(responseCode = "400", description = "quarter is not YYYY-Qn / quarter 格式须为 YYYY-Qn")
    @ApiResponse(responseCode = "403", description = "The token names no agency, or the caller may not report"
            + " / 令牌未注明所属单位或无报送角色")
    @ApiResponse(responseCode = "404", description = "No plan is published under this id, or the quarter is not one of"
            + " its quarters / 没有该规划，或该季度不在规划期内")
    ResponseEntity<byte[]> template(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025") @PathVariable String plan,
            @Parameter(description = "The quarter to report, YYYY-Qn, within the plan / 报送季度，格式 YYYY-Qn",
                    required = true, schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$",
                    example = "2025-Q4")) @RequestParam String quarter, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        Caller caller = callers.current();
        if (caller.agency() == null) {
            throw NotReporterException.noAgency();
        }
        PlanInForce inForce = plans.find(plan);
        ReportingPeriod known = plans.calendar(inForce).knownQuarter(quarter);
        SubmissionTemplate template = templates.of(inForce, caller.agency(), known);
        boolean csv = accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType(SubmissionFiles.CSV_VALUE))
                        && !type.isWildcardType());
        String filename = "submission-" + inForce.id() + "-" + caller.agency() + "-" + known + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(SubmissionFiles.XLSX_VALUE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(csv ? SubmissionFiles.csv(template) : SubmissionFiles.xlsx(template));
    }
}
