package cn.gov.planwatch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A later plan is new data, not new code. */
class NextPlanCatalogueTest {

    private final PlanCatalogue catalogue =
            PlanCatalogueLoader.load("classpath:fixtures/next-plan-2026-2030.yaml");

    @Test
    void loadsAnotherPlanWithItsOwnAgenciesAndIndicators() {
        assertThat(catalogue.plan().id()).isEqualTo("demo-2026-2030");
        assertThat(catalogue.plan().firstYear()).isEqualTo(2026);
        assertThat(catalogue.plan().targetYear()).isEqualTo(2030);
        assertThat(catalogue.agencies()).extracting(Agency::code).containsExactly("NDRC", "MEE", "NBS");
        assertThat(catalogue.indicators()).extracting(Indicator::code).containsExactly("D-01", "D-02");
    }

    @Test
    void carriesBindingQuarterlyAndLessIsBetterIndicators() {
        Indicator emissions = catalogue.indicator("D-01").orElseThrow();
        assertThat(emissions.attribute()).isEqualTo(Attribute.BINDING);
        assertThat(emissions.attribute().nameZh()).isEqualTo("约束性");
        assertThat(emissions.baseline()).isNull();

        Indicator unemployment = catalogue.indicator("D-02").orElseThrow();
        assertThat(unemployment.quarterly()).isTrue();
        assertThat(unemployment.direction()).isEqualTo(-1);
        assertThat(unemployment.baseline()).isEqualTo(new Baseline(2025, new BigDecimal("5.2"), "provisional"));
        assertThat(unemployment.increase()).isEqualByComparingTo("-0.2");
        assertThat(catalogue.indicatorsReportedBy("NBS")).containsExactly(unemployment);
    }

    @Test
    void programmesAndMilestonesLoad() {
        Programme green = catalogue.programme("green-transition").orElseThrow();
        assertThat(green.milestone("parks").orElseThrow().target()).isEqualByComparingTo("50");
        assertThat(catalogue.programmesInvolving("MEE")).containsExactly(green);
        assertThat(catalogue.programmesInvolving("NBS")).isEmpty();
    }
}
