package cn.gov.planwatch.planrules.progress;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.Programme;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressRuleTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    private static final PlanCalendar CALENDAR = new PlanCalendar(CATALOGUE.plan(), ZoneId.of("Asia/Shanghai"),
            Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC));
    private static final Programme GI = CATALOGUE.programme("geographical-indications").orElseThrow();

    record Report(String quarter, String status, BigDecimal percentComplete, String summary, String risks,
            List<MeasureRow> measures, List<MilestoneRow> milestones) implements ProgressContent {
    }

    record MeasureRow(String code, String status, String note) implements ProgressContent.Measure {
    }

    record MilestoneRow(String code, BigDecimal value) implements ProgressContent.Milestone {
    }

    @Test
    void aParticipatingAgencyMayReportItsMeasuresAndMilestones() {
        assertThat(ProgressRule.check("SAMR", GI, CALENDAR, report("2025-Q3", "ON_TRACK", 60,
                List.of(new MeasureRow("gi-special-action", "AT_RISK", "示范区建设滞后")),
                List.of(new MilestoneRow("gi-demo-zones", new BigDecimal("37")))))).hasToString("2025-Q3");
    }

    @Test
    void refusalsNameTheirField() {
        assertRefused(() -> ProgressRule.check("MOE", GI, CALENDAR, report("2025-Q3", "ON_TRACK", 60, List.of(),
                List.of())), Refusal.FORBIDDEN, null);
        assertRefused(() -> ProgressRule.check(null, GI, CALENDAR, report("2025-Q3", "ON_TRACK", 60, List.of(),
                List.of())), Refusal.FORBIDDEN, null);
        assertRefused(() -> check(report("2025-3", "ON_TRACK", 60, List.of(), List.of())), Refusal.MALFORMED,
                "quarter");
        assertRefused(() -> check(report("2025-Q4", "ON_TRACK", 60, List.of(), List.of())), Refusal.IMPLAUSIBLE,
                "quarter");
        assertRefused(() -> check(report("2020-Q4", "ON_TRACK", 60, List.of(), List.of())), Refusal.IMPLAUSIBLE,
                "quarter");
        assertRefused(() -> check(report("2025-Q3", "FINE", 60, List.of(), List.of())), Refusal.MALFORMED, "status");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 101, List.of(), List.of())), Refusal.IMPLAUSIBLE,
                "percentComplete");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(
                new MeasureRow("gi-special-action", "ON_TRACK", null), new MeasureRow("policy", "ON_TRACK", null)),
                List.of())), Refusal.IMPLAUSIBLE, "measures[1].code");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(
                new MeasureRow("gi-special-action", "ON_TRACK", null), new MeasureRow("gi-special-action", "ON_TRACK",
                        null)), List.of())), Refusal.IMPLAUSIBLE, "measures[1].code");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(
                new MeasureRow("gi-special-action", "SLOW", null)), List.of())), Refusal.MALFORMED, "measures[0].status");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                new MilestoneRow("gi-demo-zones", new BigDecimal("-1"))))), Refusal.IMPLAUSIBLE, "milestones[0].value");
        assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                new MilestoneRow("zones", BigDecimal.ONE)))), Refusal.IMPLAUSIBLE, "milestones[0].code");
        assertRefused(() -> check(new Report("2025-Q3", "ON_TRACK", BigDecimal.valueOf(60), "a\u0007b", null,
                List.of(), List.of())), Refusal.MALFORMED, "summary");
    }

    @Test
    void absurdNumbersAreRefusedNamingTheirField() {
        for (String absurd : List.of("1E-10000", "1E+10000", "37." + "1".repeat(78))) {
            assertRefused(() -> check(report("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                    new MilestoneRow("gi-demo-zones", new BigDecimal(absurd))))), Refusal.IMPLAUSIBLE,
                    "milestones[0].value");
            assertRefused(() -> check(new Report("2025-Q3", "ON_TRACK", new BigDecimal(absurd), null, null, List.of(),
                    List.of())), Refusal.IMPLAUSIBLE, "percentComplete");
        }
        assertRefused(() -> check(new Report("2025-Q3", "ON_TRACK", new BigDecimal("60.5"), null, null, List.of(),
                List.of())), Refusal.MALFORMED, "percentComplete");
        assertThat(check(new Report("2025-Q3", "ON_TRACK", new BigDecimal("60.0"), null, null, List.of(), List.of())))
                .hasToString("2025-Q3");
    }

    private static Object check(Report report) {
        return ProgressRule.check("SAMR", GI, CALENDAR, report);
    }

    private static Report report(String quarter, String status, int percent, List<MeasureRow> measures,
            List<MilestoneRow> milestones) {
        return new Report(quarter, status, BigDecimal.valueOf(percent), "进展顺利", null, measures, milestones);
    }

    private static void assertRefused(ThrowingCallable call, Refusal refusal, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlanRuleException.class, e -> {
            assertThat(e.refusal()).isEqualTo(refusal);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.detailText().translated()).as("written in Chinese too").isTrue();
        });
    }
}
