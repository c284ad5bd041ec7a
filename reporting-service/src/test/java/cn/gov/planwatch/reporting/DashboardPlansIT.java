package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard page is of one plan and offers the others; the evaluation page and its downloads. Reads the
 * catalogue's names only, and adds no events.
 */
class DashboardPlansIT extends ServiceFixture {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void everyPageNamesItsPlanAndOffersThePlansToSwitchTo() {
        HttpCalls lead = http().withToken(TestTokens.shared().lead());

        HttpResponse<String> unscoped = lead.get("/dashboard?lang=zh");
        assertThat(unscoped.body()).contains("id=\"plan-switcher\"", "data-plan=\"ip-2021-2025\"",
                "href=\"/dashboard/plans/ip-2021-2025?lang=zh\"", "“十四五”国家知识产权保护和运用规划 (2021–2025)",
                "aria-current=\"true\"", "id=\"nav-overview\" href=\"/dashboard?lang=zh\" aria-current=\"page\"");

        HttpResponse<String> scoped = lead.get("/dashboard/plans/ip-2021-2025?lang=zh");
        assertThat(scoped.statusCode()).isEqualTo(200);
        assertThat(scoped.body()).contains("国家规划实施总览", "data-plan=\"ip-2021-2025\"",
                "href=\"/dashboard/plans/ip-2021-2025/evaluation?lang=zh\"",
                "action=\"/dashboard/plans/ip-2021-2025\"")
                .as("figures link to the plan's own provenance pages")
                .contains("/dashboard/plans/ip-2021-2025/provenance/indicator:IND-01?lang=zh")
                .doesNotContain("<script>", "style=\"");
        assertThat(lead.get("/dashboard/plans/ip-2021-2025/provenance/indicator:IND-01?lang=en").body())
                .contains("Provenance", "id=\"plan-switcher\"", "14th Five-Year Plan for the Protection");

        assertThat(lead.get("/dashboard/plans/ip-1996-2000").statusCode()).isEqualTo(404);
        assertThat(lead.get("/dashboard/plans/ip-1996-2000/evaluation").statusCode()).isEqualTo(404);
        assertThat(lead.get("/dashboard/plans/ip-1996-2000/provenance/indicator:IND-01").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theEvaluationPageShowsThePlansTablesInChineseOrEnglishAndItsLinksDownloadTheFiles() throws Exception {
        HttpCalls lead = http().withToken(TestTokens.shared().lead());

        HttpResponse<String> zh = lead.get("/dashboard/plans/ip-2021-2025/evaluation?lang=zh");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(zh.body()).contains("规划终期评估", "每万人口高价值发明专利拥有量", "地理标志保护工程",
                "建成100个国家地理标志产品保护示范区", "中央组织部", "id=\"plan-switcher\"",
                "href=\"/dashboard/plans/ip-2021-2025/evaluation?lang=zh\"")
                .doesNotContain("<script>", "style=\"");
        assertThat(lead.get("/dashboard/evaluation?lang=en").body()).as("the default plan's")
                .contains("Final evaluation of the plan", "High-value invention patents per 10,000 population");
        assertThat(lead.get("/dashboard/plans/ip-2021-2025/evaluation?lang=en&date=2023-06-30").body())
                .contains("Mid-plan evaluation", "2023-06-30T16:00:00Z", "evaluation.csv?asOf=2023-06-30T16:00:00Z");

        HttpResponse<byte[]> csv = lead.getFile(link(zh.body(), "download-csv"), "*/*");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(ContentDisposition.parse(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .getFilename()).isEqualTo("evaluation-ip-2021-2025.csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF概要 Summary")
                .contains("专利密集型产业增加值占 GDP 比重");

        HttpResponse<byte[]> xlsx = lead.getFile(link(zh.body(), "download-xlsx"), "*/*");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("指标 Indicators").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("每万人口高价值发明专利拥有量");
        }

        assertThat(lead.get("/dashboard/plans/ip-2021-2025/evaluation.pdf").statusCode()).isEqualTo(404);
        assertThat(http().withToken(TestTokens.shared().operator())
                .getFile("/dashboard/plans/ip-2021-2025/evaluation.csv", "*/*").statusCode())
                .as("the dashboard is the lead agency's").isEqualTo(403);
    }

    private static String link(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a link " + id).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
