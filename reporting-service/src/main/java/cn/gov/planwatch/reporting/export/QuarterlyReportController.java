package cn.gov.planwatch.reporting.export;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly report: JSON unless the caller asks for {@code text/csv} or the XLSX type, which the message
 * converters of this package write as a download.
 */
@RestController
class QuarterlyReportController {

    private final QuarterlyReportCompiler compiler;

    QuarterlyReportController(QuarterlyReportCompiler compiler) {
        this.compiler = compiler;
    }

    /** JSON is listed first so that a caller accepting anything gets JSON. */
    @GetMapping(path = "/api/v1/reports/quarterly/{quarter}", produces = {MediaType.APPLICATION_JSON_VALUE,
            ReportFiles.CSV_VALUE, ReportFiles.XLSX_VALUE})
    QuarterlyReport quarterly(@PathVariable String quarter) {
        return compiler.compile(quarter);
    }
}
