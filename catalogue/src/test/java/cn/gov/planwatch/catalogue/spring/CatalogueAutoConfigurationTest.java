package cn.gov.planwatch.catalogue.spring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.planwatch.catalogue.CatalogueException;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CatalogueAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CatalogueAutoConfiguration.class));

    @Test
    void providesTheDefaultCatalogue() {
        contextRunner.run(context -> assertThat(context.getBean(PlanCatalogue.class).plan().id())
                .isEqualTo("ip-2021-2025"));
    }

    @Test
    void loadsTheConfiguredLocation() {
        contextRunner.withPropertyValues("planwatch.catalogue.location=classpath:fixtures/next-plan-2026-2030.yaml")
                .run(context -> assertThat(context.getBean(PlanCatalogue.class).plan().id())
                        .isEqualTo("demo-2026-2030"));
    }

    @Test
    void aBrokenCatalogueStopsStartUp() {
        contextRunner.withPropertyValues("planwatch.catalogue.location=classpath:fixtures/broken/unknown-agency.yaml")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(CatalogueException.class)
                        .hasMessageContaining("unknown agency 'XYZ'"));
    }

    @Test
    void backsOffForACatalogueTheApplicationProvides() {
        PlanCatalogue own = PlanCatalogueLoader.load("classpath:fixtures/next-plan-2026-2030.yaml");
        contextRunner.withBean(PlanCatalogue.class, () -> own)
                .run(context -> assertThat(context.getBean(PlanCatalogue.class)).isSameAs(own));
    }
}
