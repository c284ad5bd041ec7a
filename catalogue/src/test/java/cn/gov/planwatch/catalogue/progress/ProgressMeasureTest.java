package cn.gov.planwatch.catalogue.progress;

import cn.gov.planwatch.catalogue.Attribute;
import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.catalogue.Bounds;
import cn.gov.planwatch.catalogue.Frequency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Target;
import cn.gov.planwatch.catalogue.Unit;
import cn.gov.planwatch.catalogue.UnitKind;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases (figures worked out independently, to 9 places) of the contract's formula. */
class ProgressMeasureTest {

    private static final Indicator IND_01 = indicator("IND-01", new Baseline(2020, new BigDecimal("6.2"), null),
            "12.12", 1, UnitKind.COUNT);
    private static final Indicator IND_07 = indicator("IND-07", new Baseline(2020, new BigDecimal("80.05"), null),
            "82", 1, UnitKind.SCORE);
    private static final Indicator IND_08 = indicator("IND-08", null, "85", 1, UnitKind.SHARE_PERCENT);

    private final ProgressMeasure measure = new ProgressMeasure(ProgressThresholds.STATISTICS_CANADA);

    @ParameterizedTest(name = "IND-01 {0}={1} → {2}")
    @CsvSource({
            "2023, 10.0, SUBSTANTIAL_PROGRESS, 1.204091404, 64.189189189, 60",
            "2023, 8.9,  MODERATE_PROGRESS,    0.892643562, 45.608108108, 60",
            "2023, 7.0,  LIMITED_PROGRESS,     0.287760328, 13.513513514, 60",
            "2023, 6.0,  DETERIORATION,       -0.075771539, -3.378378378, 60",
    })
    void classifiesEachCategoryOfTheMeasure(String period, String value, ProgressStatus status, double ratio,
            double percentOfTarget, double expectedPercent) {
        Progress progress = measure.assess(IND_01, List.of(point(period, value)));

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.ratio()).isCloseTo(ratio, within(1e-6));
        assertThat(progress.percentOfTarget()).isCloseTo(percentOfTarget, within(1e-6));
        assertThat(progress.expectedPercent()).isCloseTo(expectedPercent, within(1e-6));
        assertThat(progress.baseSource()).isEqualTo("BASELINE");
    }

    @Test
    void aValueAtOrBeyondTheTargetIsAchievedWhateverTheRatio() {
        Progress progress = measure.assess(IND_01, List.of(point("2022", "12.5")));
        assertThat(progress.status()).isEqualTo(ProgressStatus.TARGET_ACHIEVED);
        assertThat(progress.percentOfTarget()).isCloseTo(106.418918919, within(1e-6));
    }

    @Test
    void withoutAReportThereIsNothingToMeasure() {
        assertThat(measure.assess(IND_01, List.of()).status()).isEqualTo(ProgressStatus.NOT_AVAILABLE);
    }

    @Test
    void anIndicatorWithoutBaselineIsMeasuredFromItsEarliestReport() {
        assertThat(measure.assess(IND_08, List.of(point("2021", "80"))).status())
                .as("one report is fewer than two points").isEqualTo(ProgressStatus.NOT_AVAILABLE);

        Progress progress = measure.assess(IND_08, List.of(point("2023", "82"), point("2021", "80")));
        assertThat(progress.baseSource()).isEqualTo("EARLIEST_REPORT");
        assertThat(progress.base()).isEqualByComparingTo("80");
        assertThat(progress.ratio()).isCloseTo(0.813460457, within(1e-6));
        assertThat(progress.status()).isEqualTo(ProgressStatus.MODERATE_PROGRESS);
    }

    @Test
    void aFallingValueIsDeterioration() {
        Progress progress = measure.assess(IND_07, List.of(point("2022", "79")));
        assertThat(progress.ratio()).isCloseTo(-1.363694098, within(1e-6));
        assertThat(progress.status()).isEqualTo(ProgressStatus.DETERIORATION);
    }

    @Test
    void aRevisionThatLowersTheLatestValueLowersTheStatus() {
        assertThat(measure.assess(IND_01, List.of(point("2023", "10.0"))).status())
                .isEqualTo(ProgressStatus.SUBSTANTIAL_PROGRESS);
        assertThat(measure.assess(IND_01, List.of(point("2023", "8.9"))).status())
                .isEqualTo(ProgressStatus.MODERATE_PROGRESS);
    }

    @Test
    void aQuarterlyValueCountsAtTheEndOfItsQuarter() {
        Progress progress = measure.assess(IND_01, List.of(point("2023-Q2", "9")));
        assertThat(progress.ratio()).isCloseTo(1.120527006, within(1e-6));
        assertThat(progress.expectedPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(progress.forecast()).as("the forecast uses annual values only").isNull();
    }

    @Test
    void forecastsTheTargetYearByLeastSquaresOverBaselineAndAnnualValues() {
        Progress progress = measure.assess(IND_01,
                List.of(point("2021", "7.5"), point("2022", "8.9"), point("2023", "10.0")));
        assertThat(progress.forecast()).isCloseTo(12.63, within(1e-6));
        assertThat(progress.forecastMethod()).contains("least squares");
    }

    @Test
    void thresholdsAreConfiguration() {
        ProgressMeasure strict = new ProgressMeasure(new ProgressThresholds(1.5, 1.0));
        assertThat(strict.assess(IND_01, List.of(point("2023", "10.0"))).status())
                .isEqualTo(ProgressStatus.MODERATE_PROGRESS);
    }

    private static ProgressMeasure.Point point(String period, String value) {
        return new ProgressMeasure.Point(ReportingPeriod.parse(period).orElseThrow(), new BigDecimal(value));
    }

    private static Indicator indicator(String code, Baseline baseline, String target, int direction, UnitKind kind) {
        return new Indicator(code, 1, code, code, new Unit("u", "u", "u", kind), baseline,
                new Target(2025, new BigDecimal(target)), null, Attribute.EXPECTED, direction, "CNIPA",
                Frequency.ANNUAL, new Bounds(BigDecimal.ZERO, null), null);
    }
}
