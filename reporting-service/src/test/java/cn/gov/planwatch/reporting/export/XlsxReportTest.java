package cn.gov.planwatch.reporting.export;

import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A workbook someone opens in Excel or WPS: typed text never becomes a formula, numbers stay numeric. */
class XlsxReportTest {

    @Test
    void textThatLooksLikeAFormulaIsInertAndNumbersStayNumeric() throws IOException {
        QuarterlyReport report = new QuarterlyReport("2025-Q3", Instant.parse("2025-10-20T00:00:00Z"),
                "=规划", "@plan", new Rates(18, 1, new BigDecimal("5.6"), 1, 1, new BigDecimal("100.0")),
                List.of(new QuarterlyReport.IndicatorRow("IND-01", "=1+1", "-cmd|' /C calc'!A0", "件", 2020,
                        new BigDecimal("6.2"), 2025, new BigDecimal("12.12"), "2025", new BigDecimal("-0.5"),
                        "DETERIORATION", new BigDecimal("-12.3"), new BigDecimal("90.0"), null, "evt-1")),
                List.of(), List.of());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxReport.write(report)))) {
            Sheet summary = workbook.getSheetAt(0);
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'=规划 / @plan");
            Row indicator = workbook.getSheetAt(1).getRow(1);
            assertThat(indicator.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(indicator.getCell(1).getStringCellValue()).isEqualTo("'=1+1");
            assertThat(indicator.getCell(2).getStringCellValue()).isEqualTo("'-cmd|' /C calc'!A0");
            assertThat(indicator.getCell(3).getStringCellValue()).isEqualTo("件");
            assertThat(indicator.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(indicator.getCell(9).getNumericCellValue()).isEqualTo(-0.5);
            assertThat(indicator.getCell(11).getNumericCellValue()).isEqualTo(-12.3);
        }
    }
}
