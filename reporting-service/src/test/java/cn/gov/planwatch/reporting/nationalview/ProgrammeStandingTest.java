package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.Programme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The same hand-made case as programme-service's {@code ProgrammeRollUpTest}. */
class ProgrammeStandingTest {

    private static final Programme GI = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION)
            .programme("geographical-indications").orElseThrow();

    @Test
    void theStandingShowsTheLeadTheWorstParticipantAndTheLatestMilestoneValue() {
        List<ProgressFact> current = List.of(
                report("CNIPA", "2025-Q2", "ON_TRACK", 55, null),
                report("SAMR", "2025-Q2", "AT_RISK", 40, "30"),
                report("CNIPA", "2025-Q3", "ON_TRACK", 60, null),
                report("SAMR", "2025-Q3", "ON_TRACK", 45, "37"),
                report("MARA", "2025-Q2", "DELAYED", 20, null));

        ProgrammeStanding standing = ProgrammeStanding.of(GI, current);

        assertThat(standing.lead().agency()).isEqualTo("CNIPA");
        assertThat(standing.lead().quarter()).isEqualTo("2025-Q3");
        assertThat(standing.lead().percentComplete()).isEqualTo(60);
        // SAMR's latest (2025-Q3) is ON_TRACK; MARA's latest (2025-Q2) is DELAYED, the worst.
        assertThat(standing.worstParticipant().agency()).isEqualTo("MARA");
        assertThat(standing.worstParticipant().status()).isEqualTo("DELAYED");
        assertThat(standing.milestones()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("gi-demo-zones");
            assertThat(m.value()).isEqualByComparingTo("37");
            assertThat(m.agency()).isEqualTo("SAMR");
            assertThat(m.quarter()).isEqualTo("2025-Q3");
            assertThat(m.eventId()).isEqualTo(current.get(3).eventId());
        });
        assertThat(standing.eventIds()).containsExactly(current.get(2).eventId(), current.get(4).eventId(),
                current.get(3).eventId());
    }

    @Test
    void withNoReportsNothingIsKnown() {
        ProgrammeStanding standing = ProgrammeStanding.of(GI, List.of());
        assertThat(standing.lead()).isNull();
        assertThat(standing.worstParticipant()).isNull();
        assertThat(standing.milestones()).singleElement().satisfies(m -> assertThat(m.value()).isNull());
        assertThat(standing.eventIds()).isEmpty();
    }

    @Test
    void severityTiesGoToTheCatalogueOrder() {
        List<ProgressFact> current = List.of(report("MARA", "2025-Q3", "AT_RISK", 20, null),
                report("SAMR", "2025-Q3", "AT_RISK", 40, null));
        assertThat(ProgrammeStanding.of(GI, current).worstParticipant().agency()).isEqualTo("SAMR");
    }

    private static ProgressFact report(String agency, String quarter, String status, int percent, String zones) {
        List<ProgressFact.MilestoneValue> milestones = zones == null ? List.of()
                : List.of(new ProgressFact.MilestoneValue("gi-demo-zones", new BigDecimal(zones)));
        return new ProgressFact(UUID.randomUUID(), GI.slug(), quarter, agency, null, null, status, percent, milestones,
                Instant.parse("2025-10-01T00:00:00Z"), 1);
    }
}
