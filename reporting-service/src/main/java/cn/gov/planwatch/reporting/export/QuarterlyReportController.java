package cn.gov.planwatch.reporting.export;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly report: JSON unless the caller asks for {@code text/csv} or the XLSX type, which the message
 * converters of this package write as a download.
 */
@RestController
@Tag(name = "Reports", description = "The quarterly consolidated report, as JSON or as a CSV or XLSX file"
        + " / 季度汇总报告（JSON、CSV 或 XLSX 文件）")
class QuarterlyReportController {

    private final QuarterlyReportCompiler compiler;

    QuarterlyReportController(QuarterlyReportCompiler compiler) {
        this.compiler = compiler;
    }

    /** JSON is listed first so that a caller accepting anything gets JSON. */
    @GetMapping(path = {"/api/v1/reports/quarterly/{quarter}", "/api/v1/plans/{plan}/reports/quarterly/{quarter}"},
            produces = {MediaType.APPLICATION_JSON_VALUE, ReportFiles.CSV_VALUE, ReportFiles.XLSX_VALUE})
    @Operation(operationId = "getQuarterlyReport",
            summary = "The quarterly consolidated report / 季度汇总报告",
            description = "Indicator values of the periods ending by the quarter's end, programme roll-ups from the"
                    + " reports for quarters up to it, and each agency's update for it with the quarter's rates, as"
                    + " known now. JSON by default; Accept: text/csv gives a CSV file (UTF-8 with a byte order mark,"
                    + " one section per table, bilingual headings), Accept: " + ReportFiles.XLSX_VALUE + " an"
                    + " XLSX workbook (a sheet per table), each as a download named planwatch-<quarter>.csv|xlsx.")
    @ApiResponse(responseCode = "200", description = "The report, in the media type asked for / 所请求格式的报告",
            headers = @Header(name = "Content-Disposition", description = "For a file: attachment;"
                    + " filename=\"planwatch-2025-Q3.csv\" (or .xlsx) / 文件下载名", schema = @Schema(type = "string")),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = QuarterlyReport.class)),
                    @Content(mediaType = ReportFiles.CSV_VALUE, schema = @Schema(type = "string",
                            description = "CSV, UTF-8 with a byte order mark: a summary section, then indicators,"
                                    + " programmes and compliance, each under its bilingual title line",
                            example = "\uFEFF概要 Summary\n项目 Item,值 Value\n季度 Quarter,2025-Q3\n")),
                    @Content(mediaType = ReportFiles.XLSX_VALUE, schema = @Schema(type = "string",
                            format = "binary", description = "An XLSX workbook: sheets 概要 Summary, 指标 Indicators,"
                                    + " 专栏 Programmes, 报送情况 Compliance"))})
    @ApiResponse(responseCode = "404", description = "No such plan, or the quarter is not a quarter of the plan"
            + " / 无此规划，或该季度不在规划期内")
    QuarterlyReport quarterly(@PathVariable(required = false) String plan,
            @Parameter(description = "The quarter, YYYY-Qn, within the plan (the default plan: 2021-Q1 … 2025-Q4)"
                    + " / 季度，格式 YYYY-Qn，须在规划期内", schema = @Schema(type = "string",
                    pattern = "^\\d{4}-Q[1-4]$", example = "2025-Q3")) @PathVariable String quarter) {
        return compiler.compile(plan, quarter);
    }
}
