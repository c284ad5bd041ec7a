package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterlyObligationsTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    private final QuarterlyObligations obligations = new QuarterlyObligations(CATALOGUE,
            PlanCalendar.of(CATALOGUE.plan(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC()), Period.ofDays(15));

    @Test
    void givenAnAgencyOnProgrammesWhenAskingWhatItOwesThenItIsAnUpdateEveryQuarterCoveringItsProgrammes() {
        Obligation samr = obligations.owed("SAMR", new ReportingPeriod(2024, 2)).orElseThrow();

        assertThat(samr.programmes()).containsExactly("trade-secrets", "geographical-indications", "sme-ip-strategy",
                "trademark-brands");
        assertThat(samr.indicators()).isEmpty();
        assertThat(obligations.owedBy("SAMR")).hasSize(20);
        assertThat(obligations.owedBy("SAMR", obligations.quartersUpTo(new ReportingPeriod(2024, 2)))).hasSize(14);
        // All eighteen agencies of this plan are on at least one programme.
        assertThat(obligations.agencies()).hasSize(18);
    }

    @Test
    void givenAnAgencyResponsibleForIndicatorsWhenAskingWhatItOwesThenItsValuesComeWithTheFourthQuarterUpdate() {
        assertThat(obligations.owed("CPD", new ReportingPeriod(2023, 3)).orElseThrow().indicators()).isEmpty();
        assertThat(obligations.owed("CPD", new ReportingPeriod(2023, 4)).orElseThrow().indicators())
                .containsExactly("IND-06");
        assertThat(obligations.owed("CNIPA", new ReportingPeriod(2023, 4)).orElseThrow().indicators())
                .containsExactly("IND-01", "IND-02", "IND-03", "IND-04", "IND-05", "IND-07");
        assertThat(obligations.owed("SPC", new ReportingPeriod(2021, 4)).orElseThrow().indicators())
                .containsExactly("IND-08");
    }

    @Test
    void givenAGracePeriodWhenAskingTheDeadlineThenItIsTheQuartersEndPlusTheGraceInThePlansZone() {
        // 2024-Q2 ends at 2024-07-01T00:00+08:00; 15 days later is 2024-07-16T00:00+08:00.
        assertThat(obligations.deadline(new ReportingPeriod(2024, 2))).isEqualTo(Instant.parse("2024-07-15T16:00:00Z"));
        assertThat(obligations.owed("MOE", new ReportingPeriod(2024, 2)).orElseThrow().quarterEnd())
                .isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));
        // Q4: 2026-01-01T00:00+08:00 + 15 days.
        assertThat(obligations.deadline(new ReportingPeriod(2025, 4))).isEqualTo(Instant.parse("2026-01-15T16:00:00Z"));
    }
}
