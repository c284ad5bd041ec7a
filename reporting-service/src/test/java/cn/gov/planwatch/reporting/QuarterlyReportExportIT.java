package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
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
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.planwatch.reporting.NationalViewProgrammesAndComplianceIT.find;
import static cn.gov.planwatch.reporting.ScriptedEvents.observation;
import static cn.gov.planwatch.reporting.ScriptedEvents.progress;
import static cn.gov.planwatch.reporting.ScriptedEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quarterly report as JSON, CSV and XLSX: the files are read back with independent parsers and compared,
 * cell by cell, with the JSON. Uses indicator IND-01, programme patent-navigation and the 2025-Q1 updates.
 */
class QuarterlyReportExportIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The JSON lists behind the CSV sections and sheets, after the summary. */
    private static final List<String> SECTIONS = List.of("indicators", "programmes", "compliance");

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void csvAndXlsxCarryExactlyWhatTheJsonReportSaysWithChineseIntact() throws Exception {
        ScriptedEvents log = new ScriptedEvents(kafka);
        log.send(observation("IND-01", "CNIPA", "2023", "7.5", "2024-02-01T00:00:00Z"));
        log.send(observation("IND-01", "CNIPA", "2024", "8.0", "2025-02-01T00:00:00Z"));
        // A 2025 value lies after 2025-Q1: in the live view, not in the 2025-Q1 report.
        log.send(observation("IND-01", "CNIPA", "2025", "9.4", "2026-02-01T00:00:00Z"));
        log.send(progress("patent-navigation", null, "CNIPA", "2025-Q1", "ON_TRACK", 70, null,
                "2025-04-02T00:00:00Z"));
        log.send(progress("patent-navigation", null, "CAS", "2025-Q1", "AT_RISK", 35, null, "2025-04-03T00:00:00Z"));
        log.send(progress("patent-navigation", null, "CNIPA", "2025-Q2", "DELAYED", 72, null, "2025-07-02T00:00:00Z"));
        log.send(step('S', "MOE", "2025-Q1", "2025-04-10T00:00:00Z"));
        QuarterlyUpdateEvent last = log.send(step('S', "CAS", "2025-Q1", "2025-04-20T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from reporting.quarterly_update_fact where event_id = ?").params(last.eventId())
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from reporting.progress_fact where programme = 'patent-navigation'")
                .query(Long.class).single() == 3);
        String path = "/api/v1/reports/quarterly/2025-Q1";
        HttpCalls lead = http().withToken(TestTokens.shared().lead());

        HttpResponse<String> json = lead.get(path);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode report = JSON.readTree(json.body());
        assertThat(report.get("quarter").asString()).isEqualTo("2025-Q1");
        JsonNode ind01 = find(report.get("indicators"), "code", "IND-01");
        assertThat(ind01.get("nameZh").asString()).isEqualTo("每万人口高价值发明专利拥有量");
        assertThat(ind01.get("period").asString()).isEqualTo("2024");
        assertThat(ind01.get("value").decimalValue()).isEqualByComparingTo("8.0");
        JsonNode navigation = find(report.get("programmes"), "slug", "patent-navigation");
        assertThat(navigation.get("status").asString()).as("the 2025-Q2 report lies after the quarter")
                .isEqualTo("ON_TRACK");
        assertThat(navigation.get("worstParticipant").asString()).isEqualTo("CAS");
        assertThat(find(report.get("compliance"), "agency", "MOE").get("state").asString())
                .isEqualTo("SUBMITTED_ON_TIME");
        assertThat(find(report.get("compliance"), "agency", "CAS").get("state").asString())
                .isEqualTo("SUBMITTED_LATE");
        assertThat(find(report.get("compliance"), "agency", "CNIPA").get("state").asString()).isEqualTo("OVERDUE");
        assertThat(report.get("compliance").size()).isEqualTo(18);
        assertThat(report.get("quarterRates").get("reportingRate").decimalValue()).isEqualByComparingTo("0.1111");
        assertThat(report.get("quarterRates").get("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");

        // CSV: UTF-8 with a BOM, one section per list of the JSON.
        Map<String, List<List<String>>> sections = csvDownload(lead.getFile(path, "text/csv"),
                "planwatch-2025-Q1.csv");
        assertThat(sections.keySet()).containsExactly("概要 Summary", "指标 Indicators", "专栏 Programmes",
                "报送情况 Compliance");
        assertThat(sections.get("指标 Indicators").get(0)).contains("名称（中文） Name (Chinese)",
                "名称（英文） Name (English)");
        assertThat(sections.get("概要 Summary")).contains(List.of("季度 Quarter", "2025-Q1"),
                List.of("报送率 Reporting rate", "0.1111"));
        int s = 1;
        for (String section : SECTIONS) {
            List<List<String>> rows = new ArrayList<>(sections.values()).get(s++);
            JsonNode expected = report.get(section);
            assertThat(rows).as(section).hasSize(expected.size() + 1);
            for (int r = 0; r < expected.size(); r++) {
                List<JsonNode> fields = new ArrayList<>();
                expected.get(r).forEach(fields::add);
                List<String> cells = rows.get(r + 1);
                assertThat(cells).as(section + " row " + r).hasSize(fields.size());
                for (int c = 0; c < fields.size(); c++) {
                    assertCsvCell(cells.get(c), fields.get(c), section + " row " + r + " column " + c);
                }
            }
        }

        // XLSX: a real workbook, a sheet per section, numbers as numeric cells.
        HttpResponse<byte[]> xlsx = lead.getFile(path, XLSX);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(ContentDisposition.parse(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .getFilename()).isEqualTo("planwatch-2025-Q1.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            assertThat(workbook.getSheetName(1)).isEqualTo("指标 Indicators");
            for (int i = 0; i < SECTIONS.size(); i++) {
                Sheet sheet = workbook.getSheetAt(i + 1);
                JsonNode expected = report.get(SECTIONS.get(i));
                assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isEqualTo(expected.size());
                for (int r = 0; r < expected.size(); r++) {
                    Row row = sheet.getRow(r + 1);
                    int c = 0;
                    for (JsonNode field : expected.get(r)) {
                        assertXlsxCell(row.getCell(c), field, sheet.getSheetName() + " row " + r + " column " + c);
                        c++;
                    }
                }
            }
            Sheet indicators = workbook.getSheet("指标 Indicators");
            Row ind01Row = indicators.getRow(1);
            assertThat(ind01Row.getCell(1).getStringCellValue()).isEqualTo("每万人口高价值发明专利拥有量");
            assertThat(ind01Row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ind01Row.getCell(9).getNumericCellValue()).isEqualTo(8.0);
        }

        assertThat(lead.get("/api/v1/reports/quarterly/2030-Q1").statusCode()).isEqualTo(404);
        assertThat(lead.get("/api/v1/reports/quarterly/2025Q1").statusCode()).isEqualTo(400);
        assertThat(lead.getFile("/api/v1/reports/quarterly/2025-Q5", "text/csv").statusCode()).isEqualTo(400);
        assertThat(lead.getFile("/api/v1/reports/quarterly/2030-Q1", XLSX).statusCode()).isEqualTo(404);
        assertThat(lead.get(path, "application/pdf").statusCode()).isEqualTo(406);
        assertThat(http().withToken(TestTokens.shared().operator()).get(path)
                .statusCode()).as("the report is the lead agency's").isEqualTo(403);
    }

    /**
     * The sections of a CSV download, once it is what Excel reads with Chinese intact: UTF-8 named in its type and
     * a byte order mark; an attachment named {@code filename}.
     */
    static Map<String, List<List<String>>> csvDownload(HttpResponse<byte[]> csv, String filename) throws Exception {
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(ContentDisposition.parse(csv.headers().firstValue("Content-Disposition").orElseThrow()))
                .satisfies(d -> {
                    assertThat(d.isAttachment()).isTrue();
                    assertThat(d.getFilename()).isEqualTo(filename);
                });
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        return csvSections(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    /** Title line → its heading and rows, in file order. */
    static Map<String, List<List<String>>> csvSections(String text) throws Exception {
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (CSVRecord record : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text))) {
            List<String> cells = record.toList();
            if (cells.size() == 1 && cells.get(0).isEmpty()) {
                current = null;
            } else if (current == null) {
                current = new ArrayList<>();
                sections.put(cells.get(0), current);
            } else {
                current.add(cells);
            }
        }
        return sections;
    }

    private static void assertCsvCell(String cell, JsonNode field, String where) {
        if (field.isNull()) {
            assertThat(cell).as(where).isEmpty();
        } else if (field.isNumber()) {
            assertThat(new BigDecimal(cell)).as(where).isEqualByComparingTo(field.decimalValue());
        } else {
            assertThat(cell).as(where).isEqualTo(field.asString());
        }
    }

    private static void assertXlsxCell(Cell cell, JsonNode field, String where) {
        if (field.isNull()) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(where).isTrue();
        } else if (field.isNumber()) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(where).isEqualTo(field.decimalValue().doubleValue());
        } else if (field.isBoolean()) {
            assertThat(cell.getBooleanCellValue()).as(where).isEqualTo(field.asBoolean());
        } else {
            assertThat(cell.getStringCellValue()).as(where).isEqualTo(field.asString());
        }
    }
}
