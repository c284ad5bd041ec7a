package cn.gov.planwatch.catalogue.spring;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.catalogue.progress.ProgressThresholds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Provides the {@link PlanCatalogue} from {@code planwatch.catalogue.location}, and the progress measure
 * with its configured thresholds. An invalid
 * catalogue fails start-up: nothing in the system can work from bad reference data.
 */
@AutoConfiguration
public class CatalogueAutoConfiguration {

    public static final String LOCATION_PROPERTY = "planwatch.catalogue.location";

    private static final Log log = LogFactory.getLog(CatalogueAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public PlanCatalogue planCatalogue(Environment environment) {
        String location = environment.getProperty(LOCATION_PROPERTY, PlanCatalogueLoader.DEFAULT_LOCATION);
        PlanCatalogue catalogue = PlanCatalogueLoader.load(location);
        log.info("Loaded plan catalogue %s, data version %s, from %s: %d agencies, %d indicators, %d programmes"
                .formatted(catalogue.plan().id(), catalogue.plan().version(), location, catalogue.agencies().size(),
                        catalogue.indicators().size(), catalogue.programmes().size()));
        return catalogue;
    }

    @Bean
    @ConditionalOnMissingBean
    public DefaultPlan defaultPlan(Environment environment) {
        return new DefaultPlan(environment.getProperty(DefaultPlan.PROPERTY, DefaultPlan.SHIPPED));
    }

    /** Statistics Canada's thresholds unless {@code planwatch.progress.substantial|moderate} say otherwise. */
    @Bean
    @ConditionalOnMissingBean
    public ProgressMeasure progressMeasure(Environment environment) {
        ProgressThresholds defaults = ProgressThresholds.STATISTICS_CANADA;
        return new ProgressMeasure(new ProgressThresholds(
                environment.getProperty("planwatch.progress.substantial", Double.class, defaults.substantial()),
                environment.getProperty("planwatch.progress.moderate", Double.class, defaults.moderate())));
    }
}
