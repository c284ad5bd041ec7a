package cn.gov.planwatch.catalogue.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingPeriodTest {

    @Test
    void readsYearsAndQuarters() {
        assertThat(ReportingPeriod.parse("2023")).contains(new ReportingPeriod(2023, 0));
        assertThat(ReportingPeriod.parse("2025-Q3")).contains(new ReportingPeriod(2025, 3));
        assertThat(ReportingPeriod.parse("2025-Q3").orElseThrow()).hasToString("2025-Q3");
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"23", "2023-Q5", "2023-Q0", "2023-q1", "2023Q1", "2023_Q1", "20a3", "2023-Q1 ", "", "２０２３", null}) {
            assertThat(ReportingPeriod.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void knowsItsDaysAndOrder() {
        ReportingPeriod q3 = ReportingPeriod.parse("2025-Q3").orElseThrow();
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(ReportingPeriod.ofYear(2024).lastDay()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(q3.endAsYear()).isEqualTo(2024.75);
        assertThat(ReportingPeriod.ofYear(2024)).isLessThan(ReportingPeriod.parse("2025-Q1").orElseThrow());
    }
}
