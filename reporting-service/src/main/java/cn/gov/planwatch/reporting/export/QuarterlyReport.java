package cn.gov.planwatch.reporting.export;

import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The consolidated report on one quarter, as known at {@code generatedAt}: indicator values of periods ending by
 * the quarter's end, programme roll-ups from reports for quarters up to it, and each agency's update for it.
 * The JSON answer is this record; the CSV and XLSX files are {@link #tables()} of it.
 */
public record QuarterlyReport(String quarter, Instant generatedAt, String planTitleZh, String planTitleEn,
        Rates quarterRates, List<IndicatorRow> indicators, List<ProgrammeRow> programmes,
        List<ComplianceRow> compliance) {

    /** Percentages to one decimal, the forecast to two: what a reader of the report compares. */
    public record IndicatorRow(String code, String nameZh, String nameEn, String unit, Integer baselineYear,
            BigDecimal baseline, int targetYear, BigDecimal target, String period, BigDecimal value, String status,
            BigDecimal percentOfTarget, BigDecimal expectedPercent, BigDecimal forecast, String eventId) {
    }

    public record ProgrammeRow(String slug, int box, String titleZh, String titleEn, String leadAgency, String status,
            Integer percentComplete, String quarter, String worstParticipant, String worstParticipantStatus,
            String eventIds) {
    }

    public record ComplianceRow(String agency, String nameZh, String nameEn, String state, Instant deadline,
            Instant firstSubmittedAt, Instant submittedAt, Boolean onTime, String eventIds) {
    }

    /** One section of the report, with bilingual column headings: a CSV section or an XLSX sheet. */
    public record Table(String titleZh, String titleEn, List<String> headers, List<List<Object>> rows) {
    }

    /** The summary first (key, value rows), then indicators, programmes and compliance. */
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

    /** A row that may hold nulls (List.of may not). */
    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell instanceof Instant instant ? instant.toString() : cell);
        }
        return row;
    }
}
