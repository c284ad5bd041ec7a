package cn.gov.planwatch.programme.agency;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.programme.plan.PlanInForce;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GovernmentAgenciesTest {

    private static final Agency CNIPA = new Agency("CNIPA", "国家知识产权局",
            "China National Intellectual Property Administration", null);
    private static final Agency SAMR = new Agency("SAMR", "国家市场监督管理总局",
            "State Administration for Market Regulation", null);
    private static final Agency MOE = new Agency("MOE", "教育部", "Ministry of Education", "原文截断为“教育”，按教育部理解");
    private static final Agency NDRC = new Agency("NDRC", "国家发展改革委",
            "National Development and Reform Commission", null);
    private static final Agency MOST = new Agency("MOST", "科技部", "Ministry of Science and Technology", null);

    private static final PlanCatalogue SHIPPED = plan("ip-2021-2025", CNIPA, SAMR, MOE);

    @Test
    void givenOnlyTheConfiguredPlanWhenListingThenItsAgenciesInCatalogueOrder() {
        GovernmentAgencies agencies = GovernmentAgencies.of(SHIPPED, List.of());

        assertThat(agencies.all()).extracting(ListedAgency::code).containsExactly("CNIPA", "SAMR", "MOE");
        assertThat(agencies.find("MOE")).get().satisfies(moe -> {
            assertThat(moe.nameZh()).isEqualTo("教育部");
            assertThat(moe.note()).isEqualTo("原文截断为“教育”，按教育部理解");
            assertThat(moe.plans()).containsExactly("ip-2021-2025");
        });
    }

    @Test
    void givenLaterPlansWhenListingThenTheShippedAgenciesComeFirstAndNewOnesFollowInOrderOfPublication() {
        PlanCatalogue fifteenth = plan("ip-2026-2030", NDRC, CNIPA);
        PlanCatalogue science = plan("sci-2026-2030", MOST, NDRC);

        List<ListedAgency> listed = GovernmentAgencies.of(SHIPPED,
                List.of(inForce(SHIPPED), inForce(fifteenth), inForce(science))).all();

        assertThat(listed).extracting(ListedAgency::code).containsExactly("CNIPA", "SAMR", "MOE", "NDRC", "MOST");
        assertThat(listed.get(0).plans()).containsExactly("ip-2021-2025", "ip-2026-2030");
        assertThat(listed.get(3).plans()).containsExactly("ip-2026-2030", "sci-2026-2030");
        assertThat(listed.get(4).plans()).containsExactly("sci-2026-2030");
    }

    @Test
    void givenAnAgencyNamedDifferentlyByTwoPlansWhenListingThenTheFirstPlansNamesWin() {
        PlanCatalogue renaming = plan("ip-2026-2030", new Agency("CNIPA", "知识产权局", "IP Office", "简称"));

        ListedAgency cnipa = GovernmentAgencies.of(SHIPPED, List.of(inForce(SHIPPED), inForce(renaming)))
                .find("CNIPA").orElseThrow();

        assertThat(cnipa).isEqualTo(new ListedAgency("CNIPA", "国家知识产权局",
                "China National Intellectual Property Administration", null, List.of("ip-2021-2025", "ip-2026-2030")));
    }

    @Test
    void givenAPlanPublishedBeforeTheShippedOneWhenListingThenTheShippedAgenciesStillComeFirst() {
        PlanCatalogue earlier = plan("ip-2026-2030", NDRC, new Agency("SAMR", "市场监管总局", "SAMR", null));

        List<ListedAgency> listed = GovernmentAgencies.of(SHIPPED, List.of(inForce(earlier), inForce(SHIPPED))).all();

        assertThat(listed).extracting(ListedAgency::code).containsExactly("CNIPA", "SAMR", "MOE", "NDRC");
        assertThat(listed.get(1).nameZh()).isEqualTo("国家市场监督管理总局");
    }

    @Test
    void givenTheShippedPlanNotYetRecordedWhenListingThenTheConfiguredCatalogueStandsForIt() {
        List<ListedAgency> listed = GovernmentAgencies.of(SHIPPED, List.of(inForce(plan("ip-2026-2030", NDRC))))
                .all();

        assertThat(listed).extracting(ListedAgency::code).containsExactly("CNIPA", "SAMR", "MOE", "NDRC");
    }

    @Test
    void givenTheShippedPlanAmendedWhenListingThenItsVersionInForceCountsAndClosedPlansStillCount() {
        PlanCatalogue amended = plan("ip-2021-2025", CNIPA, MOE);
        PlanCatalogue closed = plan("ip-2026-2030", SAMR, MOST);

        GovernmentAgencies agencies = GovernmentAgencies.of(SHIPPED, List.of(inForce(amended),
                new PlanInForce(closed, UUID.randomUUID(), "PUBLISHED", Instant.parse("2026-02-01T00:00:00Z"),
                        true)));

        assertThat(agencies.all()).extracting(ListedAgency::code).containsExactly("CNIPA", "MOE", "SAMR", "MOST");
        assertThat(agencies.find("SAMR")).get().extracting(ListedAgency::plans).isEqualTo(List.of("ip-2026-2030"));
        assertThat(agencies.find("NOPE")).isEmpty();
    }

    private static PlanCatalogue plan(String id, Agency... agencies) {
        return new PlanCatalogue(1, new Plan(id, 1, "规划", "A plan", 2021, 2025, agencies[0].code()),
                List.of(agencies), List.of(), List.of());
    }

    private static PlanInForce inForce(PlanCatalogue plan) {
        return new PlanInForce(plan, UUID.randomUUID(), "PUBLISHED", Instant.parse("2026-01-01T00:00:00Z"), false);
    }
}
