package cn.gov.planwatch.planrules.observation;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.PlanRuleException.Refusal;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationRuleTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    /** 2025-Q3 in the plan's zone: 2025 has begun, 2026 lies beyond the plan. */
    private static final PlanCalendar CALENDAR = new PlanCalendar(CATALOGUE.plan(), ZoneId.of("Asia/Shanghai"),
            Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC));

    record Report(String period, BigDecimal value, String comment, String source, String unit)
            implements ObservationContent {
    }

    @Test
    void theResponsibleAgencyReportsAPlausibleValueForAPeriodOfThePlan() {
        assertThat(check("CNIPA", "IND-01", new Report("2023", new BigDecimal("11.8"), "年末数据", "统计年报", "件")))
                .isEqualTo(ReportingPeriod.ofYear(2023));
        assertThat(check("CNIPA", "IND-03", new Report("2024", new BigDecimal("2650.5"), null, null, "100m-cny")))
                .isEqualTo(ReportingPeriod.ofYear(2024));
    }

    @Test
    void everyRefusalSaysWhichFieldAndWhatKind() {
        Report fine = new Report("2023", new BigDecimal("11.8"), null, null, null);
        assertRefused(() -> check("SAMR", "IND-01", fine), Refusal.FORBIDDEN, null);
        assertRefused(() -> check(null, "IND-01", fine), Refusal.FORBIDDEN, null);
        assertRefused(() -> check("CNIPA", "IND-01", new Report("23", BigDecimal.ONE, null, null, null)),
                Refusal.MALFORMED, "period");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023-Q2", BigDecimal.ONE, null, null, null)),
                Refusal.MALFORMED, "period");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2019", BigDecimal.ONE, null, null, null)),
                Refusal.IMPLAUSIBLE, "period");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2026", BigDecimal.ONE, null, null, null)),
                Refusal.IMPLAUSIBLE, "period");
        assertRefused(() -> check("CNIPA", "IND-05", new Report("2023", new BigDecimal("100.5"), null, null, null)),
                Refusal.IMPLAUSIBLE, "value");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023", new BigDecimal("-1"), null, null, null)),
                Refusal.IMPLAUSIBLE, "value");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023", new BigDecimal("1E+13"), null, null, null)),
                Refusal.IMPLAUSIBLE, "value");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023", BigDecimal.ONE, null, null, "亿元")),
                Refusal.IMPLAUSIBLE, "unit");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023", BigDecimal.ONE, "a\u0000b", null, null)),
                Refusal.MALFORMED, "comment");
        assertRefused(() -> check("CNIPA", "IND-01", new Report("2023", BigDecimal.ONE, null, "\ud83d", null)),
                Refusal.MALFORMED, "source");
    }

    @Test
    void aLockedPeriodNamesItsQuarterInBothLanguages() {
        PeriodLockedException annual = new PeriodLockedException("CNIPA", ReportingPeriod.ofYear(2024));
        assertThat(annual.refusal()).isEqualTo(Refusal.CONFLICT);
        assertThat(annual.type()).isEqualTo("period-locked");
        assertThat(annual.detailText().en()).contains("2024-Q4").contains("values for 2024");
        assertThat(annual.detailText().zh()).contains("2024-Q4 的季度更新已被牵头单位接受并锁定");
        assertThat(PeriodLockedException.quarterOf(new ReportingPeriod(2024, 2))).hasToString("2024-Q2");
    }

    private static ReportingPeriod check(String agency, String indicator, Report report) {
        return ObservationRule.check(agency, new IndicatorInPlan(CATALOGUE,
                CATALOGUE.indicator(indicator).orElseThrow()), CALENDAR, report);
    }

    private static void assertRefused(ThrowingCallable call, Refusal refusal, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlanRuleException.class, e -> {
            assertThat(e.refusal()).isEqualTo(refusal);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.detailText().translated()).as("written in Chinese too").isTrue();
        });
    }
}
