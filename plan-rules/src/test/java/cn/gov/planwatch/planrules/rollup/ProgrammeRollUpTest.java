package cn.gov.planwatch.planrules.rollup;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeRollUpTest {

    private static final Programme GI = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION)
            .programme("geographical-indications").orElseThrow();

    /** A report as either service keeps it, as much as the roll-up reads. */
    record Report(UUID eventId, String agency, String quarter, String status, int percentComplete,
            List<ProgressReported.MilestoneValue> milestones) implements ProgrammeReport {
    }

    private final List<Report> current = List.of(
            report("CNIPA", "2025-Q2", "ON_TRACK", 55, null),
            report("SAMR", "2025-Q2", "AT_RISK", 40, "30"),
            report("CNIPA", "2025-Q3", "ON_TRACK", 60, null),
            report("SAMR", "2025-Q3", "ON_TRACK", 45, "37"),
            report("MARA", "2025-Q2", "DELAYED", 20, null));

    @Test
    void givenTheStatusesWhenSortedBySeverityThenDelayedIsWorstAndCompletedBest() {
        assertThat(List.of(ProgrammeStatus.values()).stream().sorted(ProgrammeStatus.BY_SEVERITY).toList())
                .containsExactly(ProgrammeStatus.COMPLETED, ProgrammeStatus.ON_TRACK, ProgrammeStatus.NOT_STARTED,
                        ProgrammeStatus.AT_RISK, ProgrammeStatus.DELAYED);
        assertThat(ProgrammeStatus.severityOf("UNHEARD_OF")).isLessThan(ProgrammeStatus.severityOf("COMPLETED"));
    }

    @Test
    void givenReportsOverTwoQuartersWhenRolledUpThenItShowsTheLeadTheWorstParticipantTheMilestonesAndTheMissing() {
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
            assertThat(m.eventId()).isEqualTo(current.get(3).eventId());
        });
        assertThat(rollUp.notReported()).containsExactly("MARA");
        // The lead's, the worst participant's, then the milestone's source.
        assertThat(rollUp.eventIds()).containsExactly(current.get(2).eventId(), current.get(4).eventId(),
                current.get(3).eventId());
    }

    @Test
    void givenReportsWhenAskingEachAgencysLatestThenItIsItsLatestQuartersInCatalogueOrder() {
        assertThat(ProgrammeRollUp.latestByAgency(GI, current)).containsOnlyKeys("CNIPA", "SAMR", "MARA")
                .hasEntrySatisfying("SAMR", r -> assertThat(r.quarter()).isEqualTo("2025-Q3"))
                .hasEntrySatisfying("CNIPA", r -> assertThat(r.percentComplete()).isEqualTo(60));
    }

    @Test
    void givenNoQuarterToCheckWhenRolledUpThenNobodyIsListedAsMissing() {
        ProgrammeRollUp standing = ProgrammeRollUp.of(GI, current);

        assertThat(standing.asOfQuarter()).isNull();
        assertThat(standing.notReported()).isEmpty();
        assertThat(standing.lead().agency()).isEqualTo("CNIPA");
    }

    @Test
    void givenNoReportsWhenRolledUpThenEveryAgencyIsMissingAndNothingIsMeasured() {
        ProgrammeRollUp rollUp = ProgrammeRollUp.of(GI, List.of(), new ReportingPeriod(2025, 4));

        assertThat(rollUp.lead()).isNull();
        assertThat(rollUp.worstParticipant()).isNull();
        assertThat(rollUp.notReported()).containsExactly("CNIPA", "SAMR", "MARA");
        assertThat(rollUp.milestones()).singleElement().satisfies(m -> {
            assertThat(m.value()).isNull();
            assertThat(m.percentOfTarget()).isNull();
        });
        assertThat(rollUp.eventIds()).isEmpty();
        assertThat(rollUp.milestone(GI.milestones().get(0)).value()).isNull();
    }

    @Test
    void givenTwoParticipantsEquallyAtRiskWhenRolledUpThenTheWorstIsTheFirstInCatalogueOrder() {
        List<Report> tied = List.of(report("MARA", "2025-Q3", "AT_RISK", 20, null),
                report("SAMR", "2025-Q3", "AT_RISK", 40, null));

        assertThat(ProgrammeRollUp.of(GI, tied).worstParticipant().agency()).isEqualTo("SAMR");
    }

    @Test
    void givenAValueAndATargetWhenTakingThePercentThenItHasOneDecimalAndNeedsANonZeroTarget() {
        assertThat(ProgrammeRollUp.percentOf(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo("33.3");
        assertThat(ProgrammeRollUp.percentOf(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
        assertThat(ProgrammeRollUp.percentOf(null, BigDecimal.TEN)).isNull();
    }

    private static Report report(String agency, String quarter, String status, int percent, String zones) {
        List<ProgressReported.MilestoneValue> milestones = zones == null ? List.of()
                : List.of(new ProgressReported.MilestoneValue("gi-demo-zones", new BigDecimal(zones)));
        return new Report(UUID.randomUUID(), agency, quarter, status, percent, milestones);
    }
}
