package cn.gov.planwatch.programme.submission.internal;

import cn.gov.planwatch.planrules.FieldRefusal;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.programme.submission.BulkSubmission;
import cn.gov.planwatch.programme.submission.ReadSubmission;
import cn.gov.planwatch.programme.submission.TooManyRowsException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Submission files read back as rows: what a reporter fills in, where each field was, and what cannot be read. */
class SubmissionFilesTest {

    private static final SubmissionTemplate TEMPLATE = new SubmissionTemplate("ip-2021-2025", "CNIPA", "2025-Q4",
            List.of(new SubmissionTemplate.IndicatorLine("IND-01", "每万人口高价值发明专利拥有量 / High-value invention"
                            + " patents per 10,000 population", "件", "2024", new BigDecimal("11.8"), "2025"),
                    new SubmissionTemplate.IndicatorLine("IND-03", "知识产权质押融资登记金额", "亿元", null, null, "2025")),
            List.of(new SubmissionTemplate.ProgrammeLine("geographical-indications", "地理标志保护工程", "2025-Q3",
                    "ON_TRACK 60%", "gi-demo-zones", "2025-Q4")));

    @Test
    void aCsvTemplateFilledInReadsAsItsRowsWithTheChineseIntact() {
        String csv = new String(SubmissionFiles.csv(TEMPLATE), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF类别 Kind,代码 Code,名称 Name");
        assertThat(csv).contains("\"每万人口高价值发明专利拥有量 / High-value invention patents per 10,000 population\"");
        String filled = csv + "observation,IND-03,,亿元,,,,2024,\"2650.5\",\"初步统计，含\"\"质押\"\"\n第二行\",,,,,,\r\n"
                + "progress,geographical-indications,,,,,,2025-Q4,,,,AT_RISK,45,资金未到位,,gi-demo-zones=37； x=1\r\n";

        ReadSubmission read = SubmissionFiles.read(SubmissionFiles.CSV_VALUE, filled.getBytes(StandardCharsets.UTF_8),
                100);

        assertThat(read.unreadable()).isEmpty();
        assertThat(read.submission().observations()).containsExactly(new BulkSubmission.ObservationRow("IND-03",
                "2024", new BigDecimal("2650.5"), "初步统计，含\"质押\"\n第二行", null, "亿元"));
        BulkSubmission.ProgressRow progress = read.submission().progress().get(0);
        assertThat(progress.status()).isEqualTo("AT_RISK");
        assertThat(progress.summary()).isEqualTo("资金未到位");
        assertThat(progress.milestones()).extracting(m -> m.code() + "=" + m.value())
                .containsExactly("gi-demo-zones=37", "x=1");
        // The template's own lines (row 2 to 4) are left empty, so the filled-in lines are rows 5 and 6.
        assertThat(read.addresses().observation(0, "value")).isEqualTo("CSV!I5");
        assertThat(read.addresses().progress(0, "milestones[1].code")).isEqualTo("CSV!P6");
        assertThat(read.addresses().progress(0, "quarter")).isEqualTo("CSV!H6");
    }

    @Test
    void aWorkbookFilledInReadsAsItsRowsAndNamesItsCells() throws IOException {
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(SubmissionFiles.xlsx(TEMPLATE)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet indicators = book.getSheet("指标 Indicators");
            assertThat(indicators.getRow(0).getCell(6).getStringCellValue()).isEqualTo("数值 Value");
            assertThat(indicators.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(11.8);
            Row ind01 = indicators.getRow(1);
            ind01.createCell(6).setCellValue(12.12);
            ind01.createCell(7).setCellValue("年末数据");
            indicators.getRow(2).createCell(6).setCellValue("many");
            Row gi = book.getSheet("进展 Progress").getRow(1);
            gi.createCell(6).setCellValue("ON_TRACK");
            gi.createCell(7).setCellValue(70);
            book.write(out);
            filled = out.toByteArray();
        }

        ReadSubmission read = SubmissionFiles.read(SubmissionFiles.XLSX_VALUE, filled, 100);

        assertThat(read.submission().observations()).containsExactly(new BulkSubmission.ObservationRow("IND-01",
                "2025", new BigDecimal("12.12"), "年末数据", null, "件"));
        assertThat(read.unreadable()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("'指标 Indicators'!G3");
            assertThat(refusal.message().zh()).isEqualTo("须为数字");
        });
        assertThat(read.submission().progress()).singleElement().satisfies(progress -> {
            assertThat(progress.percentComplete()).isEqualByComparingTo("70");
            assertThat(progress.quarter()).isEqualTo("2025-Q4");
        });
        assertThat(read.addresses().observation(0, "period")).isEqualTo("'指标 Indicators'!F2");
        assertThat(read.addresses().progress(0, "status")).isEqualTo("'进展 Progress'!G2");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedAsTooLarge() {
        StringBuilder csv = new StringBuilder("kind,code,period,value\n");
        for (int i = 0; i < 4; i++) {
            csv.append("observation,IND-01,2023,").append(i).append('\n');
        }
        assertThat(SubmissionFiles.read(SubmissionFiles.CSV_VALUE, csv.toString().getBytes(StandardCharsets.UTF_8),
                4).submission().observations()).hasSize(4);
        assertThatThrownBy(() -> SubmissionFiles.read(SubmissionFiles.CSV_VALUE,
                csv.append("observation,IND-01,2023,9\n").toString().getBytes(StandardCharsets.UTF_8), 4))
                .isInstanceOfSatisfying(TooManyRowsException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(PlanRuleException.Refusal.TOO_LARGE);
                    assertThat(e.type()).isEqualTo("too-many-rows");
                    assertThat(e.detailText().zh()).contains("至多 4 项");
                });
    }

    @Test
    void whatIsNoCsvOrNoWorkbookIsMalformed() {
        assertThatThrownBy(() -> SubmissionFiles.read(SubmissionFiles.CSV_VALUE, new byte[] {'a', (byte) 0xff}, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertMalformedBody(e, "不是 UTF-8 编码的文本"));
        assertThatThrownBy(() -> SubmissionFiles.read(SubmissionFiles.CSV_VALUE,
                "kind,code\n\"observation,IND-01\n".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertMalformedBody(e, "is not CSV"));
        assertThatThrownBy(() -> SubmissionFiles.read(SubmissionFiles.XLSX_VALUE,
                "not a workbook".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertMalformedBody(e, "XLSX"));
    }

    private static void assertMalformedBody(InvalidInputException e, String reason) {
        assertThat(e.defect()).isEqualTo(InvalidInputException.Defect.MALFORMED);
        assertThat(e.field()).isEqualTo("body");
        assertThat(e.reasonText().en() + e.reasonText().zh()).contains(reason);
    }

    @Test
    void aCsvLineOfAnotherKindIsNamedByItsKindCell() {
        ReadSubmission read = SubmissionFiles.read(SubmissionFiles.CSV_VALUE,
                "kind,code,period,value\nindicator,IND-01,2023,1\n,,,\n".getBytes(StandardCharsets.UTF_8), 10);
        assertThat(read.unreadable()).extracting(FieldRefusal::field).containsExactly("CSV!A2");
    }
}
