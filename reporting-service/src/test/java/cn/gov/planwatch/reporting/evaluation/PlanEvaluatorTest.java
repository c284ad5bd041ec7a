package cn.gov.planwatch.reporting.evaluation;

import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressStatus;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment.Rates;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.IndicatorResult;
import cn.gov.planwatch.reporting.evaluation.PlanEvaluation.MilestoneResult;
import cn.gov.planwatch.reporting.export.QuarterlyReport.Table;
import cn.gov.planwatch.reporting.nationalview.IndicatorFact;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalView.AgencyCompliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.Compliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.Freshness;
import cn.gov.planwatch.reporting.nationalview.NationalView.IndicatorLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.MilestoneLine;
import cn.gov.planwatch.reporting.nationalview.NationalView.PlanSummary;
import cn.gov.planwatch.reporting.nationalview.NationalView.ProgrammeLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a plan's national view, then its evaluation: targets achieved, gaps, milestones, agencies' rates. */
class PlanEvaluatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final PlanSummary PLAN = new PlanSummary("ip-2021-2025", "1", "“十四五”国家知识产权保护和运用规划",
            "14th Five-Year Plan", 2021, 2025);
    private static final Rates NOTHING_OWED = new Rates(0, 0, null, 0, 0, null);

    @Test
    void anIndicatorWhoseLatestValueReachesItsTargetIsAchievedWithTheGapPassedBeyondIt() {
        IndicatorResult result = evaluate(indicator("IND-01", 1, "12.12", "12.50")).indicators().get(0);

        assertThat(result.achieved()).isTrue();
        assertThat(result.gap()).isEqualByComparingTo("-0.38");
        assertThat(result.latest().period()).isEqualTo("2025");
        assertThat(result.latest().value()).isEqualByComparingTo("12.50");
        assertThat(result.target().year()).isEqualTo(2025);
        assertThat(result.nameZh()).isEqualTo("每万人口高价值发明专利拥有量");
    }

    @Test
    void anIndicatorShortOfItsTargetIsNotAchievedAndTheGapIsWhatIsStillToGo() {
        IndicatorResult result = evaluate(indicator("IND-01", 1, "12.12", "11.00")).indicators().get(0);

        assertThat(result.achieved()).isFalse();
        assertThat(result.gap()).isEqualByComparingTo("1.12");
    }

    @Test
    void whereLessIsBetterTheGapCountsDownwards() {
        assertThat(evaluate(indicator("IND-X", -1, "5", "7")).indicators().get(0))
                .satisfies(r -> {
                    assertThat(r.achieved()).isFalse();
                    assertThat(r.gap()).isEqualByComparingTo("2");
                });
        assertThat(evaluate(indicator("IND-X", -1, "5", "4.5")).indicators().get(0))
                .satisfies(r -> {
                    assertThat(r.achieved()).isTrue();
                    assertThat(r.gap()).isEqualByComparingTo("-0.5");
                });
    }

    @Test
    void exactlyOnTargetIsAchieved() {
        assertThat(PlanEvaluator.achieved(PlanEvaluator.gap(new BigDecimal("13.0"), new BigDecimal("13"), 1)))
                .isTrue();
    }

    @Test
    void anIndicatorWithNothingReportedIsNeitherAchievedNorMissedAndHasNoGap() {
        PlanEvaluation evaluation = evaluate(indicator("IND-01", 1, "12.12", null));
        IndicatorResult result = evaluation.indicators().get(0);

        assertThat(result.latest()).isNull();
        assertThat(result.achieved()).isNull();
        assertThat(result.gap()).isNull();
        assertThat(evaluation.summary().indicatorsNotReported()).isEqualTo(1);
        assertThat(evaluation.summary().indicatorsAchieved()).isZero();
        assertThat(evaluation.summary().indicatorsNotAchieved()).isZero();
    }

    @Test
    void theSummaryCountsAchievedMissedAndUnreportedIndicatorsAndCompletedProgrammes() {
        NationalView view = view(Instant.parse("2026-03-31T16:00:00Z"),
                List.of(indicator("IND-01", 1, "10", "11"), indicator("IND-02", 1, "10", "9"),
                        indicator("IND-03", 1, "10", "10"), indicator("IND-04", 1, "10", null)),
                List.of(programme("trade-secrets", "COMPLETED", 100, List.of()),
                        programme("patent-navigation", "DELAYED", 70, List.of()),
                        programme("ip-education", "NOT_REPORTED", null, List.of())));

        PlanEvaluation.Summary summary = PlanEvaluator.evaluate(view, SHANGHAI).summary();

        assertThat(summary.indicators()).isEqualTo(4);
        assertThat(summary.indicatorsAchieved()).isEqualTo(2);
        assertThat(summary.indicatorsNotAchieved()).isEqualTo(1);
        assertThat(summary.indicatorsNotReported()).isEqualTo(1);
        assertThat(summary.programmes()).isEqualTo(3);
        assertThat(summary.programmesCompleted()).isEqualTo(1);
    }

    @Test
    void aMilestoneIsReachedOnceItsValueIsAtLeastItsTarget() {
        NationalView view = view(Instant.parse("2025-06-30T00:00:00Z"), List.of(), List.of(programme(
                "geographical-indications", "ON_TRACK", 80, List.of(milestone("gi-demo-zones", "100", "104"),
                        milestone("gi-brands", "50", "37"), milestone("gi-counties", "20", null)))));

        List<MilestoneResult> milestones = PlanEvaluator.evaluate(view, SHANGHAI).programmes().get(0).milestones();

        assertThat(milestones).extracting(MilestoneResult::reached).containsExactly(true, false, null);
        assertThat(milestones.get(0).nameZh()).isEqualTo("建成100个国家地理标志产品保护示范区");
    }

    @Test
    void theEvaluationIsFinalOnceTheTargetYearIsOverInThePlansZone() {
        // 2025-12-31T16:00Z is midnight of 1 January 2026 in Beijing time.
        assertThat(evaluateAt(Instant.parse("2025-12-31T15:59:59Z")).finalEvaluation()).isFalse();
        assertThat(evaluateAt(Instant.parse("2025-12-31T16:00:00Z")).finalEvaluation()).isTrue();
        assertThat(evaluateAt(Instant.parse("2023-05-01T00:00:00Z")).finalEvaluation()).isFalse();
    }

    @Test
    void eachAgencyKeepsItsCountsAndRatesOverThePlansQuartersDueSoFar() {
        Rates samr = new Rates(20, 18, new BigDecimal("0.9000"), 19, 15, new BigDecimal("0.7895"));
        NationalView base = view(Instant.parse("2026-03-31T16:00:00Z"), List.of(), List.of());
        Rates overall = new Rates(40, 30, new BigDecimal("0.7500"), 32, 20, new BigDecimal("0.6250"));
        NationalView view = new NationalView(base.asOf(), base.plan(), base.indicators(), base.programmes(),
                new Compliance("P15D", "2025-Q4", List.of(), List.of(new AgencyCompliance("SAMR", "市场监管总局",
                        "State Administration for Market Regulation", List.of(), samr, "/p")), List.of(), overall,
                        "/p"), base.freshness());

        PlanEvaluation evaluation = PlanEvaluator.evaluate(view, SHANGHAI);

        assertThat(evaluation.agencies()).singleElement().satisfies(a -> {
            assertThat(a.agency()).isEqualTo("SAMR");
            assertThat(a.nameZh()).isEqualTo("市场监管总局");
            assertThat(a.rates()).isEqualTo(samr);
        });
        assertThat(evaluation.summary().reporting()).isEqualTo(overall);
    }

    @Test
    void theFilesTablesCarryTheChineseNamesAndTheNumbersAsNumbers() {
        PlanEvaluation evaluation = evaluate(indicator("IND-01", 1, "12.12", "12.50"));

        List<Table> tables = evaluation.tables();

        assertThat(evaluation.fileName()).isEqualTo("evaluation-ip-2021-2025");
        assertThat(tables).extracting(Table::titleZh).containsExactly("概要", "指标", "专栏", "里程碑", "单位报送");
        List<Object> ind01 = tables.get(1).rows().get(0);
        assertThat(ind01).hasSize(tables.get(1).headers().size());
        assertThat(ind01.get(1)).isEqualTo("每万人口高价值发明专利拥有量");
        assertThat(ind01.get(11)).isEqualTo(true);
        assertThat((BigDecimal) ind01.get(12)).isEqualByComparingTo("-0.38");
    }

    private static PlanEvaluation evaluate(IndicatorLine indicator) {
        return PlanEvaluator.evaluate(view(Instant.parse("2026-03-31T16:00:00Z"), List.of(indicator), List.of()),
                SHANGHAI);
    }

    private static PlanEvaluation evaluateAt(Instant asOf) {
        return PlanEvaluator.evaluate(view(asOf, List.of(), List.of()), SHANGHAI);
    }

    private static NationalView view(Instant asOf, List<IndicatorLine> indicators, List<ProgrammeLine> programmes) {
        return new NationalView(asOf, PLAN, indicators, programmes,
                new Compliance("P15D", "2025-Q4", List.of(), List.of(), List.of(), NOTHING_OWED, "/p"),
                new Freshness(null, null, 0, null));
    }

    /** {@code latest}: the 2025 value, or null when nothing is reported. */
    private static IndicatorLine indicator(String code, int direction, String target, String latest) {
        IndicatorFact fact = latest == null ? null : new IndicatorFact(UUID.randomUUID(), code, "2025",
                new BigDecimal(latest), "CNIPA", "cnipa-reporter", "wang.fang",
                Instant.parse("2026-02-01T00:00:00Z"), 1);
        Progress progress = new Progress(latest == null ? ProgressStatus.NOT_AVAILABLE
                : ProgressStatus.SUBSTANTIAL_PROGRESS, null, null, null, null, "linear", null, null, "NONE");
        return new IndicatorLine(code, "每万人口高价值发明专利拥有量", "High-value invention patents per 10,000 population",
                "件", new Baseline(2020, new BigDecimal("6.2"), null), 2025, new BigDecimal(target), direction, fact,
                progress, List.of(), List.of(), "/p");
    }

    private static ProgrammeLine programme(String slug, String status, Integer percent,
            List<MilestoneLine> milestones) {
        return new ProgrammeLine(slug, 5, "地理标志保护工程", "Geographical-indication protection", "CNIPA", status,
                percent, percent == null ? null : "2025-Q4", null, null, milestones, List.of(), "/p");
    }

    private static MilestoneLine milestone(String code, String target, String value) {
        return new MilestoneLine(code, "建成100个国家地理标志产品保护示范区", "GI demonstration zones", "zones",
                new BigDecimal(target), value == null ? null : new BigDecimal(value), null, null, null, List.of(),
                "/p");
    }
}
