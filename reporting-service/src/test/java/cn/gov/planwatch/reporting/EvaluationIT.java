package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.gov.planwatch.reporting.NationalViewProgrammesAndComplianceIT.find;
import static cn.gov.planwatch.reporting.QuarterlyReportExportIT.csvSections;
import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default plan's evaluation as JSON, CSV and XLSX, now (after the target year: the final evaluation) and as it
 * stood mid-plan. Uses indicators IND-03 and IND-05, programme geographical-indications and agency COD's updates.
 */
class EvaluationIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PATH = "/api/v1/plans/ip-2021-2025/evaluation";

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void theLeadAgencyReadsThePlansFinalEvaluationAsJsonCsvAndXlsxWithChineseIntact() throws Exception {
        ScriptedEvents log = new ScriptedEvents(kafka);
        log.send(observation("IND-05", "CNIPA", "2025", "13.2", "2026-02-01T00:00:00Z"));
        ObservationReported ind03 = log.send(observation("IND-03", "CNIPA", "2025", "3000", "2026-02-02T00:00:00Z"));
        log.send(progress("geographical-indications", "gi-demo-zones", "CNIPA", "2025-Q4", "COMPLETED", 100, "104",
                "2026-01-05T00:00:00Z"));
        log.send(step('S', "COD", "2021-Q1", "2021-04-10T00:00:00Z"));
        QuarterlyUpdateEvent late = log.send(step('S', "COD", "2021-Q2", "2021-07-20T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from reporting.indicator_fact where event_id = ?").params(ind03.eventId())
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from reporting.quarterly_update_fact where event_id = ?").params(late.eventId())
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from reporting.progress_fact where programme = 'geographical-indications'")
                .query(Long.class).single() == 1);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());

        HttpResponse<String> json = lead.get(PATH);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode evaluation = JSON.readTree(json.body());
        assertThat(evaluation.get("finalEvaluation").asBoolean()).as("2025 is over").isTrue();
        assertThat(evaluation.get("plan").get("titleZh").asString()).isEqualTo("“十四五”国家知识产权保护和运用规划");
        JsonNode ind05 = find(evaluation.get("indicators"), "code", "IND-05");
        assertThat(ind05.get("nameZh").asString()).isEqualTo("专利密集型产业增加值占 GDP 比重");
        assertThat(ind05.get("target").get("year").asInt()).isEqualTo(2025);
        assertThat(ind05.get("target").get("value").decimalValue()).isEqualByComparingTo("13.0");
        assertThat(ind05.get("latest").get("period").asString()).isEqualTo("2025");
        assertThat(ind05.get("latest").get("value").decimalValue()).isEqualByComparingTo("13.2");
        assertThat(ind05.get("achieved").asBoolean()).isTrue();
        assertThat(ind05.get("gap").decimalValue()).isEqualByComparingTo("-0.2");
        assertThat(ind05.get("progress").asString()).isEqualTo("TARGET_ACHIEVED");
        JsonNode ind03Result = find(evaluation.get("indicators"), "code", "IND-03");
        assertThat(ind03Result.get("achieved").asBoolean()).isFalse();
        assertThat(ind03Result.get("gap").decimalValue()).isEqualByComparingTo("200");
        JsonNode gi = find(evaluation.get("programmes"), "slug", "geographical-indications");
        assertThat(gi.get("titleZh").asString()).isEqualTo("地理标志保护工程");
        assertThat(gi.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(gi.get("percentComplete").asInt()).isEqualTo(100);
        JsonNode zones = find(gi.get("milestones"), "code", "gi-demo-zones");
        assertThat(zones.get("value").decimalValue()).isEqualByComparingTo("104");
        assertThat(zones.get("reached").asBoolean()).isTrue();
        JsonNode cod = find(evaluation.get("agencies"), "agency", "COD");
        assertThat(cod.get("nameZh").asString()).isEqualTo("中央组织部");
        assertThat(cod.get("rates").get("owed").asInt()).as("every quarter of the plan is past its deadline")
                .isEqualTo(20);
        assertThat(cod.get("rates").get("reported").asInt()).isEqualTo(2);
        assertThat(cod.get("rates").get("reportingRate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(cod.get("rates").get("onTime").asInt()).isEqualTo(1);
        assertThat(cod.get("rates").get("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(evaluation.get("summary").get("indicators").asInt()).isEqualTo(8);

        HttpResponse<String> midPlan = lead.get(PATH + "?asOf=2023-06-30T16:00:00Z");
        assertThat(midPlan.statusCode()).isEqualTo(200);
        JsonNode then = JSON.readTree(midPlan.body());
        assertThat(then.get("finalEvaluation").asBoolean()).isFalse();
        assertThat(find(then.get("indicators"), "code", "IND-05").get("achieved").isNull())
                .as("nothing was reported for IND-05 by then").isTrue();
        assertThat(find(then.get("agencies"), "agency", "COD").get("rates").get("owed").asInt()).isEqualTo(9);

        // CSV: UTF-8 with a BOM, one section per table, each under its bilingual title line.
        HttpResponse<byte[]> csv = lead.getFile(PATH, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(ContentDisposition.parse(csv.headers().firstValue("Content-Disposition").orElseThrow()))
                .satisfies(d -> {
                    assertThat(d.isAttachment()).isTrue();
                    assertThat(d.getFilename()).isEqualTo("evaluation-ip-2021-2025.csv");
                });
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        Map<String, List<List<String>>> sections = csvSections(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8));
        assertThat(sections.keySet()).containsExactly("概要 Summary", "指标 Indicators", "专栏 Programmes",
                "里程碑 Milestones", "单位报送 Agencies");
        assertThat(sections.get("概要 Summary")).contains(List.of("规划 Plan", "ip-2021-2025"),
                List.of("终期评估 Final evaluation", "true"));
        List<String> ind05Row = sections.get("指标 Indicators").stream().filter(r -> r.get(0).equals("IND-05"))
                .findFirst().orElseThrow();
        assertThat(ind05Row).contains("专利密集型产业增加值占 GDP 比重", "13.2", "true", "-0.2", "TARGET_ACHIEVED");
        assertThat(sections.get("里程碑 Milestones")).anySatisfy(r -> assertThat(r)
                .contains("geographical-indications", "建成100个国家地理标志产品保护示范区", "104", "true"));
        assertThat(sections.get("单位报送 Agencies")).anySatisfy(r -> assertThat(r)
                .contains("COD", "中央组织部", "20", "2", "0.1000", "1", "0.5000"));

        // XLSX: a real workbook, a sheet per table, numbers as numeric cells, Chinese intact.
        HttpResponse<byte[]> xlsx = lead.getFile(PATH, XLSX);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(ContentDisposition.parse(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .getFilename()).isEqualTo("evaluation-ip-2021-2025.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            Sheet indicators = workbook.getSheet("指标 Indicators");
            assertThat(indicators.getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称（中文） Name (Chinese)");
            Row ind05Cells = rowOf(indicators, "IND-05");
            assertThat(ind05Cells.getCell(1).getStringCellValue()).isEqualTo("专利密集型产业增加值占 GDP 比重");
            assertThat(ind05Cells.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ind05Cells.getCell(10).getNumericCellValue()).isEqualTo(13.2);
            assertThat(ind05Cells.getCell(11).getBooleanCellValue()).isTrue();
            Row codCells = rowOf(workbook.getSheet("单位报送 Agencies"), "COD");
            assertThat(codCells.getCell(1).getStringCellValue()).isEqualTo("中央组织部");
            assertThat(codCells.getCell(5).getNumericCellValue()).isEqualTo(0.1);
        }

        assertThat(lead.get("/api/v1/plans/ip-1996-2000/evaluation").statusCode()).isEqualTo(404);
        assertThat(lead.getFile("/api/v1/plans/ip-1996-2000/evaluation", "text/csv").statusCode()).isEqualTo(404);
        assertThat(lead.get(PATH + "?asOf=yesterday").statusCode()).isEqualTo(400);
        assertThat(http().withToken(TestTokens.shared().operator()).get(PATH).statusCode())
                .as("operators read the evaluation too").isEqualTo(200);
        HttpResponse<String> reporter = http().withToken(TestTokens.shared().reporter("CNIPA")).get(PATH);
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(reporter.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static Row rowOf(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(firstCell)) {
                return row;
            }
        }
        throw new AssertionError(firstCell + " missing from " + sheet.getSheetName());
    }
}
