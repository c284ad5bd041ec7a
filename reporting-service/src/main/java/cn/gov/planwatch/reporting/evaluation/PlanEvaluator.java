package cn.gov.planwatch.reporting.evaluation;

import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.AgencyResult;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.IndicatorResult;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.LatestValue;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.MilestoneResult;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.ProgrammeResult;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.Summary;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.TargetValue;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalView.IndicatorLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.MilestoneLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.ProgrammeLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a plan from its national view: whether each indicator reached its target and by how much it misses
 * or passes it, how far each programme and milestone got, and how each agency reported over the quarters due so far.
 */
public final class PlanEvaluator {

    private static final String COMPLETED = "COMPLETED";

    /** {@code zone}: the plan's calendar zone, in which its target year ends. */
    public static PlanEvaluation evaluate(NationalView view, ZoneId zone) {
        List<IndicatorResult> indicators = view.indicators().stream().map(PlanEvaluator::indicator).toList();
        List<ProgrammeResult> programmes = view.programmes().stream().map(PlanEvaluator::programme).toList();
        List<AgencyResult> agencies = view.compliance().agencies().stream()
                .map(a -> new AgencyResult(a.agency(), a.nameZh(), a.nameEn(), a.rates())).toList();
        Summary summary = new Summary(indicators.size(),
                count(indicators, Boolean.TRUE), count(indicators, Boolean.FALSE), count(indicators, null),
                programmes.size(), (int) programmes.stream().filter(p -> COMPLETED.equals(p.status())).count(),
                view.compliance().overall());
        boolean finalEvaluation = !view.asOf().isBefore(
                LocalDate.of(view.plan().targetYear() + 1, 1, 1).atStartOfDay(zone).toInstant());
        return new PlanEvaluation(view.asOf(), finalEvaluation, view.plan(), summary, indicators, programmes,
                agencies);
    }

    /**
     * {@code (target − latest) × direction}: positive while the target is still to be reached, zero or negative
     * once it is reached or passed; null without a value.
     */
    public static BigDecimal gap(BigDecimal target, BigDecimal latest, int direction) {
        return latest == null ? null : target.subtract(latest).multiply(BigDecimal.valueOf(direction));
    }

    /** Whether a value with this gap reaches its target; null without a value. */
    public static Boolean achieved(BigDecimal gap) {
        return gap == null ? null : gap.signum() <= 0;
    }

    private static IndicatorResult indicator(IndicatorLine line) {
        BigDecimal latest = line.latest() == null ? null : line.latest().value();
        BigDecimal gap = gap(line.target(), latest, line.direction());
        return new IndicatorResult(line.code(), line.nameZh(), line.nameEn(), line.unit(), line.direction(),
                line.baseline(), new TargetValue(line.targetYear(), line.target()),
                line.latest() == null ? null : new LatestValue(line.latest().period(), latest), achieved(gap), gap,
                line.progress().status().name(), oneDecimal(line.progress().percentOfTarget()));
    }

    private static ProgrammeResult programme(ProgrammeLine line) {
        return new ProgrammeResult(line.slug(), line.box(), line.titleZh(), line.titleEn(), line.leadAgency(),
                line.status(), line.percentComplete(), line.quarter(),
                line.milestones().stream().map(PlanEvaluator::milestone).toList());
    }

    /** Milestone values are cumulative counts towards the target: reached once the value is at least the target. */
    private static MilestoneResult milestone(MilestoneLine line) {
        Boolean reached = line.value() == null ? null : line.value().compareTo(line.target()) >= 0;
        return new MilestoneResult(line.code(), line.nameZh(), line.nameEn(), line.unit(), line.target(),
                line.value(), line.percentOfTarget(), reached);
    }

    private static int count(List<IndicatorResult> indicators, Boolean achieved) {
        return (int) indicators.stream().filter(i -> Objects.equals(i.achieved(), achieved)).count();
    }

    private static BigDecimal oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private PlanEvaluator() {
    }
}
