package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.gov.planwatch.reporting.NationalViewProgrammesAndComplianceIT.find;
import static cn.gov.planwatch.reporting.QuarterlyReportExportIT.csvDownload;
import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default plan's evaluation as JSON, CSV and XLSX: a mid-plan one and the final one (after the target year), each
 * at a fixed instant. Every event is recorded before mid-2023, as the other tests' are (the national view's freshness
 * is the newest of them). Uses the 2021 values of IND-01 and IND-06 (others report later years, recorded after
 * {@link #MID_PLAN}), programme geographical-indications in 2022-Q1 (others report from 2024-Q1) and agency COD's
 * updates.
 */
class EvaluationIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PATH = "/api/v1/plans/ip-2021-2025/evaluation";
    /** The end of 2022-Q2, Beijing time: the 2021-Q1 … 2022-Q1 updates are due. */
    private static final String MID_PLAN = "2022-06-30T16:00:00Z";
    /** After the end of 2025 and after the 2025-Q4 deadline (2026-01-15T16:00Z): the final evaluation. */
    private static final String FINAL = "2026-01-20T00:00:00Z";

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void theLeadAgencyReadsThePlansEvaluationAsJsonCsvAndXlsxWithChineseIntact() throws Exception {
        ScriptedEvents log = new ScriptedEvents(kafka);
        log.send(observation("IND-01", "CNIPA", "2021", "7.0", "2022-02-01T00:00:00Z"));
        ObservationReported ind06 = log.send(observation("IND-06", "CPD", "2021", "7.52", "2022-02-01T00:00:00Z"));
        ProgressReported zones = log.send(progress("geographical-indications", "gi-demo-zones", "CNIPA", "2022-Q1",
                "ON_TRACK", 30, "100", "2022-04-05T00:00:00Z"));
        log.send(step('S', "COD", "2021-Q1", "2021-04-10T00:00:00Z"));
        QuarterlyUpdateEvent late = log.send(step('S', "COD", "2021-Q2", "2021-07-20T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from reporting.indicator_fact where event_id = ?").params(ind06.eventId())
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from reporting.quarterly_update_fact where event_id = ?").params(late.eventId())
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from reporting.progress_fact where event_id = ?").params(zones.eventId())
                .query(Long.class).single() == 1);
        HttpCalls lead = http().withToken(TestTokens.shared().lead());

        HttpResponse<String> json = lead.get(PATH + "?asOf=" + MID_PLAN);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode evaluation = JSON.readTree(json.body());
        assertThat(evaluation.get("asOf").asString()).isEqualTo(MID_PLAN);
        assertThat(evaluation.get("finalEvaluation").asBoolean()).isFalse();
        assertThat(evaluation.get("plan").get("titleZh").asString()).isEqualTo("“十四五”国家知识产权保护和运用规划");
        JsonNode ind01 = find(evaluation.get("indicators"), "code", "IND-01");
        assertThat(ind01.get("nameZh").asString()).isEqualTo("每万人口高价值发明专利拥有量");
        assertThat(ind01.get("unit").asString()).isEqualTo("件");
        assertThat(ind01.get("baseline").get("value").decimalValue()).isEqualByComparingTo("6.2");
        assertThat(ind01.get("target").get("year").asInt()).isEqualTo(2025);
        assertThat(ind01.get("target").get("value").decimalValue()).isEqualByComparingTo("12.12");
        assertThat(ind01.get("latest").get("period").asString()).isEqualTo("2021");
        assertThat(ind01.get("latest").get("value").decimalValue()).isEqualByComparingTo("7.0");
        assertThat(ind01.get("achieved").asBoolean()).isFalse();
        assertThat(ind01.get("gap").decimalValue()).as("still to go").isEqualByComparingTo("5.12");
        JsonNode ind06Result = find(evaluation.get("indicators"), "code", "IND-06");
        assertThat(ind06Result.get("nameZh").asString()).isEqualTo("版权产业增加值占 GDP 比重");
        assertThat(ind06Result.get("achieved").asBoolean()).isTrue();
        assertThat(ind06Result.get("gap").decimalValue()).as("passed").isEqualByComparingTo("-0.02");
        assertThat(ind06Result.get("progress").asString()).isEqualTo("TARGET_ACHIEVED");
        JsonNode gi = find(evaluation.get("programmes"), "slug", "geographical-indications");
        assertThat(gi.get("titleZh").asString()).isEqualTo("地理标志保护工程");
        assertThat(gi.get("status").asString()).isEqualTo("ON_TRACK");
        assertThat(gi.get("percentComplete").asInt()).isEqualTo(30);
        JsonNode giZones = find(gi.get("milestones"), "code", "gi-demo-zones");
        assertThat(giZones.get("nameZh").asString()).isEqualTo("建成100个国家地理标志产品保护示范区");
        assertThat(giZones.get("value").decimalValue()).isEqualByComparingTo("100");
        assertThat(giZones.get("reached").asBoolean()).isTrue();
        JsonNode cod = find(evaluation.get("agencies"), "agency", "COD");
        assertThat(cod.get("nameZh").asString()).isEqualTo("中央组织部");
        assertThat(cod.get("rates").get("owed").asInt()).as("2021-Q1 … 2022-Q1").isEqualTo(5);
        assertThat(cod.get("rates").get("reported").asInt()).isEqualTo(2);
        assertThat(cod.get("rates").get("reportingRate").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(cod.get("rates").get("onTime").asInt()).isEqualTo(1);
        assertThat(cod.get("rates").get("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(evaluation.get("summary").get("indicators").asInt()).isEqualTo(8);

        JsonNode atTheEnd = JSON.readTree(lead.get(PATH + "?asOf=" + FINAL).body());
        assertThat(atTheEnd.get("finalEvaluation").asBoolean()).as("2025 is over").isTrue();
        JsonNode codAtTheEnd = find(atTheEnd.get("agencies"), "agency", "COD").get("rates");
        assertThat(codAtTheEnd.get("owed").asInt()).as("every quarter of the plan is past its deadline")
                .isEqualTo(20);
        assertThat(codAtTheEnd.get("reportingRate").decimalValue()).isEqualByComparingTo("0.1");

        // CSV: UTF-8 with a BOM, one section per table, each under its bilingual title line.
        Map<String, List<List<String>>> sections = csvDownload(lead.getFile(PATH + "?asOf=" + MID_PLAN, "text/csv"),
                "evaluation-ip-2021-2025.csv");
        assertThat(sections.keySet()).containsExactly("概要 Summary", "指标 Indicators", "专栏 Programmes",
                "里程碑 Milestones", "单位报送 Agencies");
        assertThat(sections.get("概要 Summary")).contains(List.of("规划 Plan", "ip-2021-2025"),
                List.of("终期评估 Final evaluation", "false"));
        assertThat(sections.get("指标 Indicators")).anySatisfy(r -> assertThat(r)
                .containsExactly("IND-01", "每万人口高价值发明专利拥有量", "High-value invention patents per 10,000 population",
                        "件", "1", "2020", "6.2", "2025", "12.12", "2021", "7.0", "false", "5.12",
                        ind01.get("progress").asString(), ind01.get("percentOfTarget").decimalValue().toPlainString()));
        assertThat(sections.get("里程碑 Milestones")).anySatisfy(r -> assertThat(r)
                .contains("geographical-indications", "建成100个国家地理标志产品保护示范区", "100", "true"));
        assertThat(sections.get("单位报送 Agencies")).anySatisfy(r -> assertThat(r)
                .containsExactly("COD", "中央组织部", "Organization Department of the CPC Central Committee", "5", "2",
                        "0.4000", "2", "1", "0.5000"));

        // XLSX: a real workbook, a sheet per table, numbers as numeric cells, Chinese intact.
        HttpResponse<byte[]> xlsx = lead.getFile(PATH + "?asOf=" + MID_PLAN, XLSX);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(ContentDisposition.parse(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .getFilename()).isEqualTo("evaluation-ip-2021-2025.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            Sheet indicators = workbook.getSheet("指标 Indicators");
            assertThat(indicators.getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称（中文） Name (Chinese)");
            Row ind01Cells = rowOf(indicators, "IND-01");
            assertThat(ind01Cells.getCell(1).getStringCellValue()).isEqualTo("每万人口高价值发明专利拥有量");
            assertThat(ind01Cells.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ind01Cells.getCell(10).getNumericCellValue()).isEqualTo(7.0);
            assertThat(ind01Cells.getCell(11).getBooleanCellValue()).isFalse();
            Row codCells = rowOf(workbook.getSheet("单位报送 Agencies"), "COD");
            assertThat(codCells.getCell(1).getStringCellValue()).isEqualTo("中央组织部");
            assertThat(codCells.getCell(5).getNumericCellValue()).isEqualTo(0.4);
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
