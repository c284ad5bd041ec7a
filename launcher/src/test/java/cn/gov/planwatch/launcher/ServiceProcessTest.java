package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceProcessTest {

    private static final ServiceSpec INDICATORS = new ServiceSpec("indicator-service", 8081);
    private static final StackLayout LAYOUT = new StackLayout(Path.of("/repo"), Path.of(".data"),
            Path.of("launcher/target/lib"), 15432, 19092, 19093, 16379, List.of(), List.of(List.of(INDICATORS)));

    private static final DatabasePasswords PASSWORDS = new DatabasePasswords(passwords());

    private static Properties passwords() {
        Properties passwords = new Properties();
        passwords.setProperty("postgres", "superuser-secret");
        passwords.setProperty("indicator_service", "indicator-secret");
        passwords.setProperty("programme_service", "programme-secret");
        passwords.setProperty("reporting_service", "reporting-secret");
        passwords.setProperty("redis", "redis-secret");
        return passwords;
    }

    @Test
    void wiresTheServiceToTheLocalDatabaseAsItsOwnRoleAndToTheBrokerThroughSpringEnvironmentVariables() {
        assertThat(ServiceProcess.environment(INDICATORS, LAYOUT, PASSWORDS)).containsOnly(
                entry("SERVER_PORT", "8081"),
                entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/planwatch"),
                entry("SPRING_DATASOURCE_USERNAME", "indicator_service"),
                entry("SPRING_DATASOURCE_PASSWORD", "indicator-secret"),
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092"),
                entry("PLANWATCH_DATA", "/repo/.data"),
                entry("PLANWATCH_AUTH_ISSUER", "http://localhost:9000"),
                entry("PLANWATCH_SERVICES_INDICATOR_SERVICE", "http://localhost:8081"),
                entry("PLANWATCH_SERVICES_PROGRAMME_SERVICE", "http://localhost:8082"),
                entry("PLANWATCH_SERVICES_REPORTING_SERVICE", "http://localhost:8083"));
    }

    @Test
    void eachServiceGetsOnlyItsOwnDatabaseLoginAndOnesWithoutADatabaseGetNone() {
        assertThat(ServiceProcess.environment(new ServiceSpec("reporting-service", 8083), LAYOUT, PASSWORDS))
                .contains(entry("SPRING_DATASOURCE_USERNAME", "reporting_service"),
                        entry("SPRING_DATASOURCE_PASSWORD", "reporting-secret"));
        for (String withoutDatabase : List.of("gateway", "auth-server")) {
            assertThat(ServiceProcess.environment(new ServiceSpec(withoutDatabase, 8080), LAYOUT, PASSWORDS))
                    .as(withoutDatabase).doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                            "SPRING_DATASOURCE_PASSWORD");
        }
        assertThat(ServiceProcess.environment(new ServiceSpec("programme-service", 8082), LAYOUT, PASSWORDS).values())
                .doesNotContain("superuser-secret", "indicator-secret", "reporting-secret");
    }

    @Test
    void onlyTheGatewayIsToldWhereRedisIsAndItsPassword() {
        assertThat(ServiceProcess.environment(new ServiceSpec("gateway", 8080), LAYOUT, PASSWORDS))
                .contains(entry("PLANWATCH_REDIS_HOST", "localhost"), entry("PLANWATCH_REDIS_PORT", "16379"),
                        entry("PLANWATCH_REDIS_PASSWORD", "redis-secret"));
        for (String service : List.of("auth-server", "indicator-service", "programme-service", "reporting-service")) {
            assertThat(ServiceProcess.environment(new ServiceSpec(service, 8081), LAYOUT, PASSWORDS).values())
                    .as(service).doesNotContain("redis-secret");
        }
    }

    @Test
    void aMissingJarSaysWhichAndHowToBuildIt() {
        assertThat(ServiceProcess.missingJarMessage(INDICATORS, LAYOUT))
                .contains("indicator-service/target/indicator-service.jar")
                .contains("./mvnw -DskipTests package");
    }
}
