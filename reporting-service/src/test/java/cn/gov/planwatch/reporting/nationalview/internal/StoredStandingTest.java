package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view reads the standings the projector stored, including those stored before the roll-up had more. */
class StoredStandingTest {

    private static final Programme GI = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION)
            .programme("geographical-indications").orElseThrow();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void givenAStandingStoredWithLeadWorstAndMilestoneSourcesOnlyWhenReadThenItsFiguresAndEventsAreKept() {
        UUID lead = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        String stored = """
                {"lead":{"agency":"CNIPA","status":"ON_TRACK","quarter":"2025-Q3","percentComplete":60,"eventId":"%s"},
                 "worstParticipant":null,
                 "milestones":[{"code":"gi-demo-zones","value":37,"agency":"SAMR","quarter":"2025-Q3","eventId":"%s"}]}
                """.formatted(lead, source);

        ProgrammeRollUp standing = json.readValue(stored, ProgrammeRollUp.class);

        assertThat(standing.lead().percentComplete()).isEqualTo(60);
        assertThat(standing.milestone(GI.milestones().get(0)).value()).isEqualByComparingTo("37");
        assertThat(standing.notReported()).isEmpty();
        assertThat(standing.eventIds()).containsExactly(lead, source);
    }

    @Test
    void givenAStandingWhenStoredAndReadBackThenItIsTheSame() {
        ProgrammeRollUp standing = ProgrammeRollUp.of(GI, List.of());

        assertThat(json.readValue(json.writeValueAsString(standing), ProgrammeRollUp.class)).isEqualTo(standing);
    }
}
