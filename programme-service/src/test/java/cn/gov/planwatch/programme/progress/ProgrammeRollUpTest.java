package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeRollUpTest {

    private static final Programme GI = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION)
            .programme("geographical-indications").orElseThrow();

    @Test
    void severityOrderPutsDelayedWorstAndCompletedBest() {
        assertThat(List.of(ProgrammeStatus.values()).stream().sorted(ProgrammeStatus.BY_SEVERITY).toList())
                .containsExactly(ProgrammeStatus.COMPLETED, ProgrammeStatus.ON_TRACK, ProgrammeStatus.NOT_STARTED,
                        ProgrammeStatus.AT_RISK, ProgrammeStatus.DELAYED);
    }

    @Test
    void theRollUpShowsTheLeadTheWorstParticipantTheMilestonesAndWhoHasNotReported() {
        List<ProgressReport> current = List.of(
                report("CNIPA", "2025-Q2", "ON_TRACK", 55, null),
                report("SAMR", "2025-Q2", "AT_RISK", 40, "30"),
                report("CNIPA", "2025-Q3", "ON_TRACK", 60, null),
                report("SAMR", "2025-Q3", "ON_TRACK", 45, "37"),
                report("MARA", "2025-Q2", "DELAYED", 20, null));

        ProgrammeRollUp rollUp = ProgrammeRollUp.of(GI, current, new ReportingPeriod(2025, 3));

        assertThat(rollUp.asOfQuarter()).isEqualTo("2025-Q3");
        assertThat(rollUp.lead().agency()).isEqualTo("CNIPA");
        assertThat(rollUp.lead().quarter()).isEqualTo("2025-Q3");
        assertThat(rollUp.lead().percentComplete()).isEqualTo(60);
        // SAMR's latest (2025-Q3) is ON_TRACK; MARA's latest (2025-Q2) is DELAYED, the worst.
        assertThat(rollUp.worstParticipant().agency()).isEqualTo("MARA");
        assertThat(rollUp.worstParticipant().status()).isEqualTo("DELAYED");
        assertThat(rollUp.milestones()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("gi-demo-zones");
            assertThat(m.value()).isEqualByComparingTo("37");
            assertThat(m.target()).isEqualByComparingTo("100");
            assertThat(m.percentOfTarget()).isEqualByComparingTo("37.0");
            assertThat(m.agency()).isEqualTo("SAMR");
            assertThat(m.quarter()).isEqualTo("2025-Q3");
        });
        assertThat(rollUp.notReported()).containsExactly("MARA");

        assertThat(ProgrammeRollUp.latestByAgency(GI, current)).containsOnlyKeys("CNIPA", "SAMR", "MARA")
                .hasEntrySatisfying("SAMR", r -> assertThat(r.quarter()).isEqualTo("2025-Q3"));
    }

    @Test
    void withNoReportsEveryAgencyIsMissingAndNothingIsMeasured() {
        ProgrammeRollUp rollUp = ProgrammeRollUp.of(GI, List.of(), new ReportingPeriod(2025, 4));
        assertThat(rollUp.lead()).isNull();
        assertThat(rollUp.worstParticipant()).isNull();
        assertThat(rollUp.notReported()).containsExactly("CNIPA", "SAMR", "MARA");
        assertThat(rollUp.milestones()).singleElement().satisfies(m -> {
            assertThat(m.value()).isNull();
            assertThat(m.percentOfTarget()).isNull();
        });
    }

    private static ProgressReport report(String agency, String quarter, String status, int percent, String zones) {
        List<ProgressReported.MilestoneValue> milestones = zones == null ? List.of()
                : List.of(new ProgressReported.MilestoneValue("gi-demo-zones", new BigDecimal(zones)));
        return new ProgressReport(UUID.randomUUID(), GI.slug(), agency, quarter, status, percent, null, null, List.of(),
                milestones, Instant.parse("2025-10-01T00:00:00Z"), 1, true);
    }
}
