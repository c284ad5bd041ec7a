package cn.gov.planwatch.reporting.evaluation;

import cn.gov.planwatch.reporting.export.TabularReport;

import static cn.gov.planwatch.reporting.export.TabularReport.CSV;
import static cn.gov.planwatch.reporting.export.TabularReport.XLSX;
import cn.gov.planwatch.reporting.nationalview.AsOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan's evaluation: JSON unless the caller asks for {@code text/csv} or the XLSX type, which the report file
 * converters write as a download ({@link TabularReport}).
 */
@RestController
@Tag(name = "Evaluation", description = "How a plan did against its targets, as JSON or as a CSV or XLSX file"
        + " / 规划实施评估（JSON、CSV 或 XLSX 文件）")
class EvaluationController {

    private final PlanEvaluations evaluations;

    EvaluationController(PlanEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** JSON is listed first so that a caller accepting anything gets JSON. */
    @GetMapping(path = "/api/v1/plans/{plan}/evaluation", produces = {MediaType.APPLICATION_JSON_VALUE, CSV, XLSX})
    @Operation(operationId = "getPlanEvaluation",
            summary = "The plan's evaluation / 规划实施评估",
            description = "Each indicator against its target (latest value, achieved, the gap still to go in the"
                    + " indicator's direction, progress category), each programme's completion and its milestones"
                    + " against their targets, and each agency's reporting and on-time rates over the plan's quarters"
                    + " due so far. Now — the final evaluation once the target year is over, a mid-plan one before —"
                    + " or, with asOf, as it stood at that instant. JSON by default; Accept: text/csv gives one CSV"
                    + " file (UTF-8 with a byte order mark, so Excel shows the Chinese; one section per table, each"
                    + " under its bilingual title line, sections separated by an empty line), Accept: " + XLSX
                    + " an XLSX workbook (a sheet per table), each as a download named evaluation-<plan>.csv|xlsx.")
    @ApiResponse(responseCode = "200", description = "The evaluation, in the media type asked for / 所请求格式的评估",
            headers = @Header(name = "Content-Disposition", description = "For a file: attachment;"
                    + " filename=\"evaluation-ip-2021-2025.csv\" (or .xlsx) / 文件下载名",
                    schema = @Schema(type = "string")),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PlanEvaluation.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string",
                            description = "CSV, UTF-8 with a byte order mark: sections 概要 Summary, 指标 Indicators,"
                                    + " 专栏 Programmes, 里程碑 Milestones, 单位报送 Agencies, each under its bilingual"
                                    + " title line and heading line",
                            example = "\uFEFF概要 Summary\n项目 Item,值 Value\n规划 Plan,ip-2021-2025\n")),
                    @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary",
                            description = "An XLSX workbook: sheets 概要 Summary, 指标 Indicators, 专栏 Programmes,"
                                    + " 里程碑 Milestones, 单位报送 Agencies"))})
    @ApiResponse(responseCode = "404", description = "No such plan is published (or none was by asOf)"
            + " / 无此规划")
    PlanEvaluation planEvaluation(@PathVariable String plan, @Parameter(description = AsOf.PARAMETER,
            schema = @Schema(type = "string", format = "date-time", example = "2026-03-31T16:00:00Z"))
            @RequestParam(required = false) String asOf) {
        return evaluations.of(plan, AsOf.parse(asOf));
    }
}
