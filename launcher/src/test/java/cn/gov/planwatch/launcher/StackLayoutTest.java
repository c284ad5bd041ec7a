package cn.gov.planwatch.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class StackLayoutTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path LIB = Path.of("launcher/target/lib");

    @Test
    void defaultsPutDataUnderTheRepositoryAndUseTheDocumentedPorts() {
        StackLayout layout = StackLayout.from(Map.of(), new Properties(), ROOT, LIB);

        assertThat(layout.dataDir()).isEqualTo(Path.of("/repo/.data"));
        assertThat(layout.postgresDir()).isEqualTo(Path.of("/repo/.data/postgres"));
        assertThat(layout.kafkaLogDirs()).isEqualTo(Path.of("/repo/.data/kafka/logs"));
        assertThat(layout.libDir()).isEqualTo(Path.of("/repo/launcher/target/lib"));
        assertThat(layout.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:15432/planwatch");
        assertThat(layout.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(layout.kafkaControllerPort()).isEqualTo(19093);
        assertThat(layout.jvmOptionsOf("indicator-service"))
                .containsExactly("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k");
        assertThat(layout.jvmOptionsOf("reporting-service")).isEqualTo(layout.jvmOptionsOf("indicator-service"));
    }

    @Test
    void aServicesOwnJvmOptionsOverrideThoseOfEveryService() {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_JVM_OPTS", "-Xmx1g",
                "PLANWATCH_INDICATOR_SERVICE_JVM_OPTS", "-Xmx2g -ea"), new Properties(), ROOT, LIB);

        assertThat(layout.jvmOptionsOf("indicator-service")).containsExactly("-Xmx2g", "-ea");
        assertThat(layout.jvmOptionsOf("reporting-service")).containsExactly("-Xmx1g");
        assertThat(layout.jvmOptionsOf("gateway")).containsExactly("-Xmx1g");
    }

    @Test
    void anOffsetMovesEveryPortAndTheServicesAreToldWhereTheOthersAre() {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_PORT_OFFSET", "100"), new Properties(), ROOT, LIB);

        assertThat(layout.postgresPort()).isEqualTo(15532);
        assertThat(layout.kafkaBootstrap()).isEqualTo("localhost:19192");
        assertThat(layout.kafkaControllerPort()).isEqualTo(19193);
        assertThat(layout.urlOf("gateway")).isEqualTo("http://localhost:8180");
        assertThat(layout.urlOf("auth-server")).isEqualTo("http://localhost:9100");
        Map<String, String> env = ServiceProcess.environment(only("gateway", 8180), layout,
                new DatabasePasswords(new Properties()));
        assertThat(env).containsEntry("SERVER_PORT", "8180")
                .containsEntry("PLANWATCH_AUTH_ISSUER", "http://localhost:9100")
                .containsEntry("PLANWATCH_SERVICES_REPORTING_SERVICE", "http://localhost:8183");
        assertThat(ServiceProcess.environment(only("auth-server", 9100), layout,
                new DatabasePasswords(new Properties())))
                .containsEntry("PLANWATCH_AUTH_GATEWAY_REDIRECT_URIS", "http://localhost:8180/login/oauth2/code/planwatch");
    }

    @Test
    void startsTheAuthServerAndTheBackendServicesTogetherAndTheGatewayLast() {
        StackLayout layout = StackLayout.from(Map.of(), new Properties(), ROOT, LIB);

        assertThat(layout.startGroups()).containsExactly(
                List.of(new ServiceSpec("auth-server", 9000), new ServiceSpec("indicator-service", 8081), new ServiceSpec("programme-service", 8082),
                        new ServiceSpec("reporting-service", 8083)),
                List.of(new ServiceSpec("gateway", 8080)));
        assertThat(new ServiceSpec("gateway", 8080).jar(ROOT))
                .isEqualTo(Path.of("/repo/gateway/target/gateway.jar"));
    }

    @Test
    void environmentOverridesDefaultsAndSystemPropertiesOverrideTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("planwatch.pg.port", "25432");

        StackLayout layout = StackLayout.from(
                Map.of("PLANWATCH_DATA", "/tmp/pw", "PLANWATCH_PG_PORT", "35432", "PLANWATCH_JVM_OPTS", " -Xmx1g  -ea "),
                properties, ROOT, LIB);

        assertThat(layout.dataDir()).isEqualTo(Path.of("/tmp/pw"));
        assertThat(layout.postgresPort()).isEqualTo(25432);
        assertThat(layout.jvmOptionsOf("indicator-service")).containsExactly("-Xmx1g", "-ea");
        assertThat(layout.jvmOptionsOf("reporting-service")).containsExactly("-Xmx1g", "-ea");
    }

    @Test
    void noneStartsOnlyTheInfrastructure() {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_SERVICES", "none"), new Properties(), ROOT, LIB);

        assertThat(layout.startGroups()).isEmpty();
        assertThat(layout.services()).isEmpty();
    }

    @Test
    void aSubsetKeepsTheDefaultGroupsAndOrderAndDropsEmptyGroups() {
        assertThat(StackLayout.selectServices("reporting-service, indicator-service"))
                .containsExactly(List.of(new ServiceSpec("indicator-service", 8081),
                        new ServiceSpec("reporting-service", 8083)));
        assertThat(StackLayout.selectServices("gateway"))
                .containsExactly(List.of(new ServiceSpec("gateway", 8080)));
    }

    @Test
    void anUnknownServiceNameIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> StackLayout.selectServices("gateway,gatewy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[gatewy]")
                .hasMessageContaining("indicator-service");
    }

    @Test
    void replicasStartThatManyOfEachBackendServiceAndOfTheGatewayTenPortsApartAndTheAuthServerOnce() {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_REPLICAS", "2", "PLANWATCH_PORT_OFFSET", "100"),
                new Properties(), ROOT, LIB);

        assertThat(layout.instances()).extracting(ServiceSpec.Instance::label, ServiceSpec.Instance::port)
                .containsExactly(tuple("auth-server", 9100),
                        tuple("indicator-service-1", 8181), tuple("indicator-service-2", 8191),
                        tuple("programme-service-1", 8182), tuple("programme-service-2", 8192),
                        tuple("reporting-service-1", 8183), tuple("reporting-service-2", 8193),
                        tuple("gateway-1", 8180), tuple("gateway-2", 8190));
        assertThat(layout.instanceUrlsOf("gateway")).containsExactly("http://localhost:8180", "http://localhost:8190");
        assertThat(layout.urlOf("indicator-service")).isEqualTo("http://localhost:8181");
        assertThat(LocalPorts.of(layout)).containsEntry(8191, "indicator-service-2").containsEntry(8190, "gateway-2");
    }

    @Test
    void aServicesOwnReplicasOverrideTheCommonOneAndAPropertyOverridesTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("planwatch.programme.service.replicas", "1");

        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_REPLICAS", "2",
                "PLANWATCH_INDICATOR_SERVICE_REPLICAS", "3", "PLANWATCH_PROGRAMME_SERVICE_REPLICAS", "4"),
                properties, ROOT, LIB);

        assertThat(layout.services()).extracting(ServiceSpec::name, ServiceSpec::instances).containsExactly(
                tuple("auth-server", 1), tuple("indicator-service", 3), tuple("programme-service", 1),
                tuple("reporting-service", 2), tuple("gateway", 2));
        assertThat(layout.instanceUrlsOf("indicator-service"))
                .containsExactly("http://localhost:8081", "http://localhost:8091", "http://localhost:8101");
    }

    @Test
    void byDefaultEachServiceRunsOnceUnderItsOwnName() {
        StackLayout layout = StackLayout.from(Map.of(), new Properties(), ROOT, LIB);

        assertThat(layout.instances()).extracting(ServiceSpec.Instance::label).containsExactly(
                "auth-server", "indicator-service", "programme-service", "reporting-service", "gateway");
        assertThat(layout.instances()).extracting(ServiceSpec.Instance::id).contains("indicator-service-1");
    }

    @Test
    void aReplicaCountOutsideOneToTenIsRefusedNamingTheSetting() {
        for (String wrong : List.of("0", "11", "two")) {
            assertThatThrownBy(() -> StackLayout.from(Map.of("PLANWATCH_GATEWAY_REPLICAS", wrong), new Properties(),
                    ROOT, LIB)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PLANWATCH_GATEWAY_REPLICAS").hasMessageContaining("'" + wrong + "'");
        }
    }

    /** The one instance of a service that runs once. */
    private static ServiceSpec.Instance only(String service, int port) {
        return new ServiceSpec.Instance(new ServiceSpec(service, port), 0);
    }
}
