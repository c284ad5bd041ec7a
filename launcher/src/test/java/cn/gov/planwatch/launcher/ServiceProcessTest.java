package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceProcessTest {

    private static final ServiceSpec INDICATORS = new ServiceSpec("indicator-service", 8081);
    private static final StackLayout LAYOUT = new StackLayout(Path.of("/repo"), Path.of(".data"),
            Path.of("launcher/target/lib"), 15432, 19092, 19093, List.of(), List.of(List.of(INDICATORS)));

    @Test
    void wiresTheServiceToTheLocalDatabaseAndBrokerThroughSpringEnvironmentVariables() {
        assertThat(ServiceProcess.environment(INDICATORS, LAYOUT)).containsOnly(
                entry("SERVER_PORT", "8081"),
                entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/planwatch"),
                entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                entry("SPRING_DATASOURCE_PASSWORD", ""),
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092"),
                entry("PLANWATCH_DATA", "/repo/.data"),
                entry("PLANWATCH_AUTH_ISSUER", "http://localhost:9000"),
                entry("PLANWATCH_SERVICES_INDICATOR_SERVICE", "http://localhost:8081"),
                entry("PLANWATCH_SERVICES_PROGRAMME_SERVICE", "http://localhost:8082"),
                entry("PLANWATCH_SERVICES_REPORTING_SERVICE", "http://localhost:8083"));
    }

    @Test
    void aMissingJarSaysWhichAndHowToBuildIt() {
        assertThat(ServiceProcess.missingJarMessage(INDICATORS, LAYOUT))
                .contains("indicator-service/target/indicator-service.jar")
                .contains("./mvnw -DskipTests package");
    }
}
