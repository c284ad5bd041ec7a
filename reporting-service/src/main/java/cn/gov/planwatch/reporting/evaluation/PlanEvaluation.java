package cn.gov.planwatch.reporting.evaluation;

import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import cn.gov.planwatch.reporting.export.QuarterlyReport.Table;
import cn.gov.planwatch.reporting.export.TabularReport;
import cn.gov.planwatch.reporting.nationalview.NationalView.PlanSummary;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.planwatch.reporting.export.TabularReport.row;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * How a plan did: each indicator against its target, each programme's completion and milestones, each agency's
 * reporting over the plan's quarters due so far. The JSON answer is this record; the CSV and XLSX files are
 * {@link #tables()} of it.
 */
@Schema(description = "The plan's evaluation: each indicator against its target, each programme's completion and"
        + " milestones, each agency's reporting and on-time rates over the plan's quarters due so far / 规划实施评估")
public record PlanEvaluation(
        @Schema(description = "The instant the evaluation stands at: the asOf asked for, or now",
                requiredMode = REQUIRED, example = "2026-03-31T16:00:00Z") Instant asOf,
        @Schema(description = "true once the plan's target year is over (the final evaluation); false mid-plan",
                requiredMode = REQUIRED, example = "true") boolean finalEvaluation,
        @Schema(requiredMode = REQUIRED) PlanSummary plan,
        @Schema(requiredMode = REQUIRED) Summary summary,
        @Schema(description = "Every indicator of the plan, in catalogue order", requiredMode = REQUIRED)
        List<IndicatorResult> indicators,
        @Schema(description = "Every programme (专栏) of the plan, in catalogue order", requiredMode = REQUIRED)
        List<ProgrammeResult> programmes,
        @Schema(description = "Every agency that owes quarterly updates, in catalogue order", requiredMode = REQUIRED)
        List<AgencyResult> agencies) implements TabularReport {

    @Schema(name = "EvaluationSummary", description = "The evaluation in numbers / 评估概要")
    public record Summary(
            @Schema(requiredMode = REQUIRED, example = "8") int indicators,
            @Schema(description = "Indicators whose latest value reaches the target", requiredMode = REQUIRED,
                    example = "6") int indicatorsAchieved,
            @Schema(description = "Indicators with a value that falls short of the target", requiredMode = REQUIRED,
                    example = "1") int indicatorsNotAchieved,
            @Schema(description = "Indicators without any reported value", requiredMode = REQUIRED, example = "1")
            int indicatorsNotReported,
            @Schema(requiredMode = REQUIRED, example = "10") int programmes,
            @Schema(description = "Programmes whose lead agency reports them COMPLETED", requiredMode = REQUIRED,
                    example = "7") int programmesCompleted,
            @Schema(description = "Reporting and on-time rates over every agency and every quarter due so far",
                    requiredMode = REQUIRED) Rates reporting) {
    }

    /**
     * @param achieved whether the latest value reaches the target (in the indicator's direction); null when nothing
     *                 is reported
     * @param gap      how far the latest value is from the target, in the indicator's direction: positive is still
     *                 to go, zero or negative is reached or passed; null when nothing is reported
     */
    @Schema(name = "EvaluatedIndicator", description = "One indicator against its target / 指标完成情况")
    public record IndicatorResult(
            @Schema(requiredMode = REQUIRED, example = "IND-01") String code,
            @Schema(requiredMode = REQUIRED, example = "每万人口高价值发明专利拥有量") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "High-value invention patents per 10,000 population")
            String nameEn,
            @Schema(description = "The unit's Chinese symbol", requiredMode = REQUIRED, example = "件") String unit,
            @Schema(description = "+1 when more is better, -1 when less is better", requiredMode = REQUIRED,
                    allowableValues = {"1", "-1"}, example = "1") int direction,
            @Schema(description = "The value the plan starts from; null where the plan gives none", nullable = true)
            Baseline baseline,
            @Schema(requiredMode = REQUIRED) TargetValue target,
            @Schema(description = "The latest period's current value; null until one is reported", nullable = true)
            LatestValue latest,
            @Schema(description = "Whether the latest value reaches the target (in the indicator's direction); null"
                    + " when nothing is reported", nullable = true, example = "true") Boolean achieved,
            @Schema(description = "(target − latest) × direction: positive is still to go, zero or negative is"
                    + " reached or passed; null when nothing is reported", nullable = true, example = "-0.38")
            BigDecimal gap,
            @Schema(description = "The progress category of the national view", requiredMode = REQUIRED,
                    allowableValues = {"TARGET_ACHIEVED", "SUBSTANTIAL_PROGRESS", "MODERATE_PROGRESS",
                            "LIMITED_PROGRESS", "DETERIORATION", "NOT_AVAILABLE"}, example = "TARGET_ACHIEVED")
            String progress,
            @Schema(description = "Share of the way from base to target covered, one decimal; null where it cannot"
                    + " be computed", nullable = true, example = "106.4") BigDecimal percentOfTarget) {
    }

    @Schema(name = "EvaluationTarget", description = "The plan's target for the indicator / 目标值")
    public record TargetValue(
            @Schema(requiredMode = REQUIRED, example = "2025") int year,
            @Schema(requiredMode = REQUIRED, example = "12.12") BigDecimal value) {
    }

    @Schema(name = "EvaluationLatest", description = "The latest period reported and its current value / 最新值")
    public record LatestValue(
            @Schema(description = "YYYY or YYYY-Qn", requiredMode = REQUIRED, example = "2025") String period,
            @Schema(requiredMode = REQUIRED, example = "12.5") BigDecimal value) {
    }

    @Schema(name = "EvaluatedProgramme", description = "One programme (专栏): its completion and milestones"
            + " / 专栏完成情况")
    public record ProgrammeResult(
            @Schema(requiredMode = REQUIRED, example = "geographical-indications") String slug,
            @Schema(description = "The box (专栏) number in the plan", requiredMode = REQUIRED, example = "5") int box,
            @Schema(requiredMode = REQUIRED, example = "地理标志保护工程") String titleZh,
            @Schema(requiredMode = REQUIRED, example = "Geographical-indication protection") String titleEn,
            @Schema(description = "The lead agency's code", requiredMode = REQUIRED, example = "CNIPA")
            String leadAgency,
            @Schema(description = "The lead agency's latest status; NOT_REPORTED until it reports",
                    requiredMode = REQUIRED, allowableValues = {"NOT_REPORTED", "NOT_STARTED", "ON_TRACK", "AT_RISK",
                    "DELAYED", "COMPLETED"}, example = "COMPLETED") String status,
            @Schema(description = "The lead agency's latest estimate, 0–100; null until it reports", nullable = true,
                    minimum = "0", maximum = "100", example = "100") Integer percentComplete,
            @Schema(description = "The quarter of the lead agency's latest report; null until it reports",
                    nullable = true, example = "2025-Q4") String quarter,
            @Schema(requiredMode = REQUIRED) List<MilestoneResult> milestones) {
    }

    @Schema(name = "EvaluatedMilestone", description = "One milestone: the value reached against its target"
            + " / 里程碑完成情况")
    public record MilestoneResult(
            @Schema(requiredMode = REQUIRED, example = "gi-demo-zones") String code,
            @Schema(requiredMode = REQUIRED, example = "建成100个国家地理标志产品保护示范区") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "National GI-product protection demonstration zones built")
            String nameEn,
            @Schema(requiredMode = REQUIRED, example = "zones") String unit,
            @Schema(requiredMode = REQUIRED, example = "100") BigDecimal target,
            @Schema(description = "The latest value reported (cumulative); null until reported", nullable = true,
                    example = "104") BigDecimal value,
            @Schema(description = "value ÷ target × 100, one decimal; null until reported", nullable = true,
                    example = "104.0") BigDecimal percentOfTarget,
            @Schema(description = "Whether the value reaches the target; null until reported", nullable = true,
                    example = "true") Boolean reached) {
    }

    @Schema(name = "EvaluatedAgency", description = "One agency's quarterly updates over the plan's quarters due so"
            + " far / 单位报送情况")
    public record AgencyResult(
            @Schema(requiredMode = REQUIRED, example = "SAMR") String agency,
            @Schema(requiredMode = REQUIRED, example = "市场监管总局") String nameZh,
            @Schema(requiredMode = REQUIRED, example = "State Administration for Market Regulation") String nameEn,
            @Schema(description = "Counted over the quarters whose deadline has passed", requiredMode = REQUIRED)
            Rates rates) {
    }

    @Override
    public String fileName() {
        return "evaluation-" + plan.id();
    }

    /** The summary first (key, value rows), then indicators, programmes, milestones and agencies. */
    @Override
    public List<Table> tables() {
        List<List<Object>> summaryRows = new ArrayList<>();
        summaryRows.add(row("规划 Plan", plan.id()));
        summaryRows.add(row("名称 Title", plan.titleZh() + " / " + plan.titleEn()));
        summaryRows.add(row("规划期 Period", plan.firstYear() + "–" + plan.targetYear()));
        summaryRows.add(row("评估时点 As of", asOf));
        summaryRows.add(row("终期评估 Final evaluation", finalEvaluation));
        summaryRows.add(row("指标 Indicators", summary.indicators()));
        summaryRows.add(row("已实现 Achieved", summary.indicatorsAchieved()));
        summaryRows.add(row("未实现 Not achieved", summary.indicatorsNotAchieved()));
        summaryRows.add(row("未报送 Not reported", summary.indicatorsNotReported()));
        summaryRows.add(row("专栏 Programmes", summary.programmes()));
        summaryRows.add(row("已完成 Completed", summary.programmesCompleted()));
        summaryRows.addAll(rateRows(summary.reporting()));
        List<List<Object>> milestoneRows = new ArrayList<>();
        programmes.forEach(p -> p.milestones().forEach(m -> milestoneRows.add(row(p.slug(), m.code(), m.nameZh(),
                m.nameEn(), m.unit(), m.target(), m.value(), m.percentOfTarget(), m.reached()))));
        return List.of(
                new Table("概要", "Summary", List.of("项目 Item", "值 Value"), summaryRows),
                new Table("指标", "Indicators", List.of("代码 Code", "名称（中文） Name (Chinese)",
                        "名称（英文） Name (English)", "单位 Unit", "方向 Direction", "基期年份 Baseline year",
                        "基期值 Baseline", "目标年份 Target year", "目标值 Target", "最新期 Latest period",
                        "最新值 Latest value", "已实现 Achieved", "差距 Gap", "进展 Progress",
                        "目标完成度% Percent of target"),
                        indicators.stream().map(i -> row(i.code(), i.nameZh(), i.nameEn(), i.unit(), i.direction(),
                                i.baseline() == null ? null : i.baseline().year(),
                                i.baseline() == null ? null : i.baseline().value(), i.target().year(),
                                i.target().value(), i.latest() == null ? null : i.latest().period(),
                                i.latest() == null ? null : i.latest().value(), i.achieved(), i.gap(), i.progress(),
                                i.percentOfTarget())).toList()),
                new Table("专栏", "Programmes", List.of("标识 Slug", "专栏号 Box", "名称（中文） Title (Chinese)",
                        "名称（英文） Title (English)", "牵头单位 Lead agency", "状态 Status", "完成% Percent complete",
                        "季度 Quarter"),
                        programmes.stream().map(p -> row(p.slug(), p.box(), p.titleZh(), p.titleEn(), p.leadAgency(),
                                p.status(), p.percentComplete(), p.quarter())).toList()),
                new Table("里程碑", "Milestones", List.of("专栏 Programme", "代码 Code", "名称（中文） Name (Chinese)",
                        "名称（英文） Name (English)", "单位 Unit", "目标值 Target", "已达到 Value",
                        "完成% Percent of target", "已达成 Reached"), milestoneRows),
                new Table("单位报送", "Agencies", List.of("单位代码 Agency", "单位（中文） Agency (Chinese)",
                        "单位（英文） Agency (English)", "应报 Owed", "已报 Reported", "报送率 Reporting rate",
                        "已提交 Submitted", "按时 On time", "按时率 On-time rate"),
                        agencies.stream().map(a -> row(a.agency(), a.nameZh(), a.nameEn(), a.rates().owed(),
                                a.rates().reported(), a.rates().reportingRate(), a.rates().submitted(),
                                a.rates().onTime(), a.rates().onTimeRate())).toList()));
    }

    private static List<List<Object>> rateRows(Rates rates) {
        return List.of(row("应报 Owed", rates.owed()), row("已报 Reported", rates.reported()),
                row("报送率 Reporting rate", rates.reportingRate()), row("已提交 Submitted", rates.submitted()),
                row("按时 On time", rates.onTime()), row("按时率 On-time rate", rates.onTimeRate()));
    }
}
