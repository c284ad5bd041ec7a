package cn.gov.planwatch.reporting.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting, and numbers written as plain decimals (never 1E+3), which spreadsheets read as numbers. */
class CsvReportTest {

    @Test
    void quotesOnlyWhatNeedsQuotingAndWritesDecimalsPlainly() {
        assertThat(CsvReport.field(null)).isEmpty();
        assertThat(CsvReport.field("知识产权保护社会满意度")).isEqualTo("知识产权保护社会满意度");
        assertThat(CsvReport.field("value added, share of GDP")).isEqualTo("\"value added, share of GDP\"");
        assertThat(CsvReport.field("the \"14th\" plan")).isEqualTo("\"the \"\"14th\"\" plan\"");
        assertThat(CsvReport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReport.field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvReport.field(new BigDecimal("0.1111"))).isEqualTo("0.1111");
        assertThat(CsvReport.field(Boolean.TRUE)).isEqualTo("true");
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsQuotedBehindAnApostrophe() {
        assertThat(CsvReport.field("=HYPERLINK(\"http://x\",\"点击\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
        assertThat(CsvReport.field("+1+cmd|' /C calc'!A0")).isEqualTo("\"'+1+cmd|' /C calc'!A0\"");
        assertThat(CsvReport.field("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvReport.field("@SUM(A1:A9)")).isEqualTo("\"'@SUM(A1:A9)\"");
        assertThat(CsvReport.field("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvReport.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvReport.field("年末数据 = 11.8")).isEqualTo("年末数据 = 11.8");
    }

    @Test
    void negativeNumbersStayNumbers() {
        assertThat(CsvReport.field(new BigDecimal("-0.5"))).isEqualTo("-0.5");
        assertThat(CsvReport.field(-3)).isEqualTo("-3");
    }
}
