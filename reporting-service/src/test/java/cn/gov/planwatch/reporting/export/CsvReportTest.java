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
}
