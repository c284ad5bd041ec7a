package cn.gov.planwatch.programme.calendar;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static PlanCalendar at(String instant) {
        return new PlanCalendar(PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION).plan(), SHANGHAI,
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void thePlanHasTwentyQuartersThatEndAtMidnightInThePlansZone() {
        PlanCalendar calendar = at("2024-01-01T00:00:00Z");
        assertThat(calendar.quarters()).hasSize(20).first().hasToString("2021-Q1");
        assertThat(calendar.quarters()).last().hasToString("2025-Q4");
        assertThat(calendar.endOf(new ReportingPeriod(2025, 3)).toInstant())
                .isEqualTo(Instant.parse("2025-09-30T16:00:00Z"));
    }

    @Test
    void theCurrentQuarterIsThePlanZonesAndStaysWithinThePlan() {
        // 2024-03-31T17:00Z is already 1 April in Shanghai.
        assertThat(at("2024-03-31T17:00:00Z").currentQuarter()).hasToString("2024-Q2");
        assertThat(at("2024-03-31T15:00:00Z").currentQuarter()).hasToString("2024-Q1");
        assertThat(at("2026-11-24T00:00:00Z").currentQuarter()).hasToString("2025-Q4");
        assertThat(at("2020-06-01T00:00:00Z").currentQuarter()).hasToString("2021-Q1");
    }

    @Test
    void aReportableQuarterIsWellFormedWithinThePlanAndBegun() {
        PlanCalendar calendar = at("2025-07-01T00:00:00Z");
        assertThat(calendar.reportableQuarter("quarter", "2025-Q3")).hasToString("2025-Q3");
        assertProblem(() -> calendar.reportableQuarter("quarter", "2025"), 400);
        assertProblem(() -> calendar.reportableQuarter("quarter", "2025-Q5"), 400);
        assertProblem(() -> calendar.reportableQuarter("quarter", "2020-Q4"), 422);
        assertProblem(() -> calendar.reportableQuarter("quarter", "2025-Q4"), 422);
        assertProblem(() -> calendar.knownQuarter("2019-Q1"), 404);
        assertProblem(() -> calendar.knownQuarter("Q1-2019"), 400);
    }

    private static void assertProblem(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(status));
    }
}
