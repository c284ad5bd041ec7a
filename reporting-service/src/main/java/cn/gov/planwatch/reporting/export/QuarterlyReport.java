package cn.gov.planwatch.reporting.export;

import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static cn.gov.planwatch.reporting.export.TabularReport.row;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The consolidated report on one quarter, as known at {@code generatedAt}: indicator values of periods ending by
 * the quarter's end, programme roll-ups from reports for quarters up to it, and each agency's update for it.
 * The JSON answer is this record; the CSV and XLSX files are {@link #tables()} of it.
 */
@Schema(description = "The consolidated report on one quarter, as known at generatedAt: indicator values of periods"
        + " ending by the quarter's end, programme roll-ups from reports for quarters up to it, and each agency's update"
        + " for it / 季度汇总报告")
public record QuarterlyReport(
        @Schema(requiredMode = REQUIRED, example = "2025-Q3") String quarter,
        @Schema(description = "When the report was compiled", requiredMode = REQUIRED,
                example = "2025-10-20T08:00:00Z") Instant generatedAt,
        @Schema(requiredMode = REQUIRED, example = "“十四五”国家知识产权保护和运用规划") String planTitleZh,
        @Schema(requiredMode = REQUIRED, example = "14th Five-Year Plan for the Protection and Utilisation of"
                + " Intellectual Property") String planTitleEn,
        @Schema(description = "The quarter's reporting and on-time rates (counted once its deadline has passed)",
                requiredMode = REQUIRED) Rates quarterRates,
        @Schema(requiredMode = REQUIRED) List<IndicatorRow> indicators,
        @Schema(requiredMode = REQUIRED) List<ProgrammeRow> programmes,
        @Schema(description = "Every agency that owes an update for the quarter", requiredMode = REQUIRED)
        List<ComplianceRow> compliance) implements TabularReport {

    /** Percentages to one decimal, the forecast to two: what a reader of the report compares. */
    @Schema(description = "One indicator: its latest value by the quarter's end and its progress / 指标")
    public record IndicatorRow(
            @Schema(requiredMode = REQUIRED, example = "IND-01") String code,
            @Schema(requiredMode = REQUIRED, example = "每万人口高价值发明专利拥有量") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "High-value invention patents per 10,000 population")
            String nameEn,
            @Schema(requiredMode = REQUIRED, example = "件") String unit,
            @Schema(description = "null where the plan gives no baseline", nullable = true, example = "2020")
            Integer baselineYear,
            @Schema(description = "null where the plan gives no baseline", nullable = true, example = "6.2")
            BigDecimal baseline,
            @Schema(requiredMode = REQUIRED, example = "2025") int targetYear,
            @Schema(requiredMode = REQUIRED, example = "12.12") BigDecimal target,
            @Schema(description = "The latest period reported by the quarter's end; null if none", nullable = true,
                    example = "2024") String period,
            @Schema(description = "Its current value; null if none", nullable = true, example = "11.8")
            BigDecimal value,
            @Schema(description = "The progress category (see the indicator's progress)", requiredMode = REQUIRED,
                    example = "SUBSTANTIAL_PROGRESS") String status,
            @Schema(description = "One decimal; null where it cannot be computed", nullable = true,
                    example = "95.3") BigDecimal percentOfTarget,
            @Schema(description = "One decimal; null without a report", nullable = true, example = "80.0")
            BigDecimal expectedPercent,
            @Schema(description = "Two decimals; null with fewer than two years of values", nullable = true,
                    example = "14.10") BigDecimal forecast,
            @Schema(description = "The event behind the value; null if none", nullable = true,
                    example = "2713a7e7-f943-4ff2-8c6c-f9d25e3c82ad") String eventId) {
    }

    @Schema(description = "One programme (专栏) as it stood by the quarter / 专栏")
    public record ProgrammeRow(
            @Schema(requiredMode = REQUIRED, example = "patent-navigation") String slug,
            @Schema(requiredMode = REQUIRED, example = "7") int box,
            @Schema(requiredMode = REQUIRED, example = "专利导航工程") String titleZh,
            @Schema(requiredMode = REQUIRED, example = "Patent navigation") String titleEn,
            @Schema(requiredMode = REQUIRED, example = "CNIPA") String leadAgency,
            @Schema(description = "The lead agency's latest status; NOT_REPORTED until it reports",
                    requiredMode = REQUIRED, example = "ON_TRACK") String status,
            @Schema(description = "null until the lead agency reports", nullable = true, example = "70")
            Integer percentComplete,
            @Schema(description = "The quarter of the lead agency's latest report; null until it reports",
                    nullable = true, example = "2025-Q3") String quarter,
            @Schema(description = "The participating agency whose latest status is most severe; null until one"
                    + " reports", nullable = true, example = "CAS") String worstParticipant,
            @Schema(description = "Its status; null until one reports", nullable = true, example = "AT_RISK")
            String worstParticipantStatus,
            @Schema(description = "The reports behind the row, space-separated; null if none", nullable = true,
                    example = "5b0c7f9e-2d1a-4f57-9a51-0c1e7d3f8a21 8f3e1c2b-7a4d-4e6f-b1c9-3d2e5f6a7b80")
            String eventIds) {
    }

    @Schema(description = "One agency's update for the quarter / 单位本季度报送情况")
    public record ComplianceRow(
            @Schema(requiredMode = REQUIRED, example = "SAMR") String agency,
            @Schema(requiredMode = REQUIRED, example = "市场监管总局") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "State Administration for Market Regulation") String nameEn,
            @Schema(description = "NOT_DUE, DUE, OVERDUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, RETURNED or ACCEPTED",
                    requiredMode = REQUIRED, example = "SUBMITTED_ON_TIME") String state,
            @Schema(requiredMode = REQUIRED, example = "2025-10-15T16:00:00Z") Instant deadline,
            @Schema(description = "null until submitted", nullable = true, example = "2025-10-10T02:30:00Z")
            Instant firstSubmittedAt,
            @Schema(description = "null until submitted", nullable = true, example = "2025-10-12T08:00:00Z")
            Instant submittedAt,
            @Schema(description = "Whether the first submission came before the deadline; null until submitted",
                    nullable = true, example = "true") Boolean onTime,
            @Schema(description = "The lifecycle steps behind the state, space-separated; null if none",
                    nullable = true, example = "9d1f0a3c-4b2e-4c6d-8e7f-1a2b3c4d5e6f") String eventIds) {
    }

    /** One section of the report, with bilingual column headings: a CSV section or an XLSX sheet. */
    public record Table(String titleZh, String titleEn, List<String> headers, List<List<Object>> rows) {
    }

    @Override
    public String fileName() {
        return "planwatch-" + quarter;
    }

    /** The summary first (key, value rows), then indicators, programmes and compliance. */
    @Override
    public List<Table> tables() {
        List<List<Object>> summary = List.of(
                List.of("季度 Quarter", quarter),
                List.of("规划 Plan", planTitleZh + " / " + planTitleEn),
                List.of("生成时间 Generated at", generatedAt.toString()),
                row("应报 Owed", quarterRates.owed()),
                row("已报 Reported", quarterRates.reported()),
                row("报送率 Reporting rate", quarterRates.reportingRate()),
                row("按时率 On-time rate", quarterRates.onTimeRate()));
        return List.of(
                new Table("概要", "Summary", List.of("项目 Item", "值 Value"), summary),
                new Table("指标", "Indicators", List.of("代码 Code", "名称（中文） Name (Chinese)",
                        "名称（英文） Name (English)", "单位 Unit", "基期年份 Baseline year", "基期值 Baseline",
                        "目标年份 Target year", "目标值 Target", "最新期 Latest period", "最新值 Latest value",
                        "进展 Progress", "目标完成度% Percent of target", "时间进度% Expected percent", "预测值 Forecast",
                        "事件 Event"),
                        indicators.stream().map(i -> row(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.baselineYear(),
                                i.baseline(), i.targetYear(), i.target(), i.period(), i.value(), i.status(),
                                i.percentOfTarget(), i.expectedPercent(), i.forecast(), i.eventId())).toList()),
                new Table("专栏", "Programmes", List.of("标识 Slug", "专栏号 Box", "名称（中文） Title (Chinese)",
                        "名称（英文） Title (English)", "牵头单位 Lead agency", "状态 Status", "完成% Percent complete",
                        "季度 Quarter", "最需关注的参与单位 Worst participant", "其状态 Its status", "事件 Events"),
                        programmes.stream().map(p -> row(p.slug(), p.box(), p.titleZh(), p.titleEn(), p.leadAgency(),
                                p.status(), p.percentComplete(), p.quarter(), p.worstParticipant(),
                                p.worstParticipantStatus(), p.eventIds())).toList()),
                new Table("报送情况", "Compliance", List.of("单位代码 Agency", "单位（中文） Agency (Chinese)",
                        "单位（英文） Agency (English)", "状态 State", "截止时间 Deadline", "首次报送 First submitted",
                        "最近报送 Last submitted", "按时 On time", "事件 Events"),
                        compliance.stream().map(c -> row(c.agency(), c.nameZh(), c.nameEn(), c.state(),
                                c.deadline(), c.firstSubmittedAt(), c.submittedAt(), c.onTime(), c.eventIds()))
                                .toList()));
    }
}
