package cn.gov.planwatch.gateway.apidescription;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDescriptionConfigurationTest {

    @Test
    void servicesSetAsEnvironmentVariablesAsTheLauncherDoesAreEachFetchedOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("launcher", Map.of(
                "PLANWATCH_SERVICES_INDICATOR_SERVICE", "http://localhost:8181",
                "PLANWATCH_SERVICES_PROGRAMME_SERVICE", "http://localhost:8182",
                "PLANWATCH_SERVICES_REPORTING_SERVICE", "http://localhost:8183")));
        ConfigurationPropertySources.attach(environment);

        assertThat(ApiDescriptionConfiguration.servicesOf(environment)).isEqualTo(Map.of(
                "indicator-service", "http://localhost:8181", "programme-service", "http://localhost:8182",
                "reporting-service", "http://localhost:8183"));
    }
}
