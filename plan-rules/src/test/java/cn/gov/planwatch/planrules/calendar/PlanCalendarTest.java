package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.PlanRuleException.Refusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Plan PLAN = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION).plan();
    private static final Plan NEXT_PLAN = new Plan("next", 1, "下一个规划", "The next plan", 2026, 2030,
            "CNIPA");

    private static PlanCalendar at(Plan plan, String instant) {
        return PlanCalendar.of(plan, SHANGHAI, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static PlanCalendar at(String instant) {
        return at(PLAN, instant);
    }

    @Test
    void givenThePlanWhenListingItsQuartersThenThereAreTwentyEndingAtMidnightInThePlansZone() {
        PlanCalendar calendar = at("2024-01-01T00:00:00Z");

        assertThat(calendar.quarters()).hasSize(20).first().hasToString("2021-Q1");
        assertThat(calendar.quarters()).last().hasToString("2025-Q4");
        assertThat(calendar.endOf(new ReportingPeriod(2025, 3)).toInstant())
                .isEqualTo(Instant.parse("2025-09-30T16:00:00Z"));
        assertThat(calendar.endOf(new ReportingPeriod(2024, 2)).toInstant())
                .isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));
    }

    @Test
    void givenALastQuarterWhenListingUpToItThenOnlyThePlansQuartersUpToItAreListed() {
        PlanCalendar calendar = at("2024-01-01T00:00:00Z");

        assertThat(calendar.upTo(new ReportingPeriod(2024, 2))).hasSize(14).last().hasToString("2024-Q2");
        assertThat(calendar.upTo(new ReportingPeriod(2021, 1))).containsExactly(new ReportingPeriod(2021, 1));
    }

    @Test
    void givenAnInstantWhenAskingItsQuarterThenItIsThePlanZonesAndStaysWithinThePlan() {
        // 2024-03-31T17:00Z is already 1 April in Shanghai.
        assertThat(at("2024-03-31T17:00:00Z").currentQuarter()).hasToString("2024-Q2");
        assertThat(at("2024-03-31T15:00:00Z").currentQuarter()).hasToString("2024-Q1");
        assertThat(at("2026-11-24T00:00:00Z").currentQuarter()).hasToString("2025-Q4");
        assertThat(at("2020-06-01T00:00:00Z").currentQuarter()).hasToString("2021-Q1");
        assertThat(at("2020-06-01T00:00:00Z").quarterAt(Instant.parse("2024-06-30T16:00:00Z")))
                .isEqualTo(new ReportingPeriod(2024, 3));
    }

    @Test
    void givenTwoPlansWhenAskingTheSameInstantThenEachAnswersWithinItsOwnYears() {
        PlanCalendar current = at(PLAN, "2027-05-01T00:00:00Z");
        PlanCalendar next = at(NEXT_PLAN, "2027-05-01T00:00:00Z");

        assertThat(current.currentQuarter()).hasToString("2025-Q4");
        assertThat(next.currentQuarter()).hasToString("2027-Q2");
        assertThat(next.quarters()).hasSize(20).first().hasToString("2026-Q1");
        assertThat(next.reportableQuarter("quarter", "2027-Q2")).hasToString("2027-Q2");
        assertRefused(() -> current.reportableQuarter("quarter", "2027-Q2"), QuarterOutsidePlanException.class,
                Refusal.IMPLAUSIBLE, "implausible-value", "quarter", "must lie within the plan, 2021-Q1–2025-Q4");
        assertRefused(() -> next.knownQuarter("2025-Q4"), UnknownQuarterException.class, Refusal.UNKNOWN,
                "not-found", null, "unknown quarter '2025-Q4'");
    }

    @Test
    void givenAQuarterToReportForWhenItIsWellFormedWithinThePlanAndBegunThenItIsAccepted() {
        PlanCalendar calendar = at("2025-07-01T00:00:00Z");

        assertThat(calendar.reportableQuarter("quarter", "2025-Q3")).hasToString("2025-Q3");
    }

    @Test
    void givenAQuarterToReportForWhenItIsMalformedOutsideThePlanOrNotBegunThenTheRefusalNamesTheField() {
        PlanCalendar calendar = at("2025-07-01T00:00:00Z");

        assertRefused(() -> calendar.reportableQuarter("quarter", "2025"), MalformedQuarterException.class,
                Refusal.MALFORMED, "invalid-request", "quarter", "must be YYYY-Qn, e.g. 2025-Q3");
        assertRefused(() -> calendar.reportableQuarter("period", "2025-Q5"), MalformedQuarterException.class,
                Refusal.MALFORMED, "invalid-request", "period", "must be YYYY-Qn, e.g. 2025-Q3");
        assertRefused(() -> calendar.reportableQuarter("quarter", "2020-Q4"), QuarterOutsidePlanException.class,
                Refusal.IMPLAUSIBLE, "implausible-value", "quarter", "must lie within the plan, 2021-Q1–2025-Q4");
        assertRefused(() -> calendar.reportableQuarter("quarter", "2025-Q4"), QuarterNotBegunException.class,
                Refusal.IMPLAUSIBLE, "implausible-value", "quarter", "2025-Q4 has not begun yet");
    }

    @Test
    void givenAQuarterNamedInAPathWhenItIsMalformedOrNotThePlansThenItIsMalformedOrUnknown() {
        PlanCalendar calendar = at("2025-07-01T00:00:00Z");

        assertThat(calendar.knownQuarter("2025-Q4")).hasToString("2025-Q4");
        assertRefused(() -> calendar.knownQuarter("2019-Q1"), UnknownQuarterException.class, Refusal.UNKNOWN,
                "not-found", null, "unknown quarter '2019-Q1'");
        assertRefused(() -> calendar.knownQuarter("Q1-2019"), MalformedQuarterException.class, Refusal.MALFORMED,
                "invalid-request", "quarter", "must be YYYY-Qn, e.g. 2025-Q3");
    }

    private static void assertRefused(ThrowingCallable call, Class<? extends PlanRuleException> kind,
            Refusal refusal, String type, String field, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(kind, e -> {
            assertThat(e.refusal()).isEqualTo(refusal);
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(field == null ? reason : field + ": " + reason);
        });
    }
}
