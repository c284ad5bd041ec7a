package cn.gov.planwatch.indicator.lock;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.observation.PeriodLockedException;
import cn.gov.planwatch.platform.problem.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which accepted quarter closes which period, against a hand-made table. */
class QuarterLocksTest {

    /** CPD's 2023-Q4 and 2024-Q2 are accepted in plan ip-2021-2025. */
    private final QuarterLocks locks = (plan, agency, quarter) -> plan.equals("ip-2021-2025") && agency.equals("CPD")
            && Set.of("2023-Q4", "2024-Q2").contains(quarter.toString());

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "ip-2021-2025, CPD, 2023,    409",
            "ip-2021-2025, CPD, 2023-Q4, 409",
            "ip-2021-2025, CPD, 2023-Q3, 0",
            "ip-2021-2025, CPD, 2024,    0",
            "ip-2021-2025, CPD, 2024-Q2, 409",
            "ip-2021-2025, CPD, 2022,    0",
            "ip-2021-2025, SPC, 2023,    0",
            "ip-demo-2023, CPD, 2023-Q4, 0"})
    void aPeriodIsClosedByTheAcceptanceOfItsQuarterInItsPlanAndAYearByItsFourthQuarter(String plan, String agency,
            String period, int status) {
        ReportingPeriod parsed = ReportingPeriod.parse(period).orElseThrow();
        if (status == 0) {
            assertThatCode(() -> locks.requireOpen(plan, agency, parsed)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> locks.requireOpen(plan, agency, parsed)).isInstanceOfSatisfying(
                    PeriodLockedException.class, e -> {
                        assertThat(Problems.of(e).status().value()).isEqualTo(status);
                        assertThat(Problems.of(e).type()).endsWith("/period-locked");
                    });
        }
    }
}
