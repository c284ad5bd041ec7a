package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TestPlansTest {

    @Test
    void theSecondPlanIsOneTheCatalogueAcceptsAndAmendsItsTarget() {
        PlanCatalogue second = read(TestPlans.secondPlanYaml());
        assertThat(second.plan().id()).isEqualTo(TestPlans.SECOND_PLAN);
        assertThat(second.agencies()).extracting(a -> a.code()).contains(TestPlans.NEW_AGENCY);
        assertThat(second.indicators()).extracting(i -> i.code()).contains("IND-01");

        PlanCatalogue amended = read(TestPlans.secondPlanYaml(2, "15"));
        assertThat(amended.plan().version()).isEqualTo(2);
        assertThat(amended.indicators().get(0).target().value()).isEqualByComparingTo("15");
    }

    private static PlanCatalogue read(String yaml) {
        return PlanDocuments.parse(yaml.getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML);
    }
}
