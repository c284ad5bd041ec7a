package cn.gov.planwatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceProcessTest {

    private static final ServiceSpec INDICATORS = new ServiceSpec("indicator-service", 8081);
    private static final StackLayout LAYOUT = new StackLayout(Path.of("/repo"), Path.of(".data"),
            Path.of("launcher/target/lib"), 15432, 19092, 19093, 16379, Map.of(), List.of(List.of(INDICATORS)));

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
        assertThat(ServiceProcess.environment(INDICATORS.allInstances().get(0), LAYOUT, PASSWORDS)).containsOnly(
                entry("SERVER_PORT", "8081"),
                entry("PLANWATCH_INSTANCE", "indicator-service-1"),
                entry("PLANWATCH_SHUTDOWN_DRAIN_DELAY", "0s"),
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
        assertThat(ServiceProcess.environment(only("reporting-service", 8083), LAYOUT, PASSWORDS))
                .contains(entry("SPRING_DATASOURCE_USERNAME", "reporting_service"),
                        entry("SPRING_DATASOURCE_PASSWORD", "reporting-secret"));
        for (String withoutDatabase : List.of("gateway", "auth-server")) {
            assertThat(ServiceProcess.environment(only(withoutDatabase, 8080), LAYOUT, PASSWORDS))
                    .as(withoutDatabase).doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                            "SPRING_DATASOURCE_PASSWORD");
        }
        assertThat(ServiceProcess.environment(only("programme-service", 8082), LAYOUT, PASSWORDS).values())
                .doesNotContain("superuser-secret", "indicator-secret", "reporting-secret");
    }

    @Test
    void onlyTheGatewayIsToldWhereRedisIsAndItsPassword() {
        assertThat(ServiceProcess.environment(only("gateway", 8080), LAYOUT, PASSWORDS))
                .contains(entry("PLANWATCH_REDIS_HOST", "localhost"), entry("PLANWATCH_REDIS_PORT", "16379"),
                        entry("PLANWATCH_REDIS_PASSWORD", "redis-secret"));
        for (String service : List.of("auth-server", "indicator-service", "programme-service", "reporting-service")) {
            assertThat(ServiceProcess.environment(only(service, 8081), LAYOUT, PASSWORDS).values())
                    .as(service).doesNotContain("redis-secret");
        }
    }

    @Test
    void saysItIsBrokenOnlyWhileItsLivenessProbeAnswers503() throws Exception {
        int[] liveness = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/liveness", exchange -> {
            exchange.sendResponseHeaders(liveness[0], -1);
            exchange.close();
        });
        server.start();
        try {
            ServiceProcess service = process(server.getAddress().getPort());
            assertThat(service.saysItIsBroken()).as("live").isFalse();

            liveness[0] = 503;
            assertThat(service.saysItIsBroken()).as("liveness DOWN").isTrue();
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(process(closed).saysItIsBroken()).as("not answering is not a verdict").isFalse();
    }

    private static ServiceProcess process(int port) {
        ServiceSpec spec = new ServiceSpec("reporting-service", port);
        return new ServiceProcess(spec.allInstances().get(0), LAYOUT, new PidFiles(Path.of("target/no-pids")),
                PASSWORDS);
    }

    @Test
    void aMissingJarSaysWhichAndHowToBuildIt() {
        assertThat(ServiceProcess.missingJarMessage(INDICATORS, LAYOUT))
                .contains("indicator-service/target/indicator-service.jar")
                .contains("./mvnw -DskipTests package");
    }

    @Test
    void eachInstanceHasItsOwnPortAndIdAndDrainsBeforeStoppingWhenItHasASibling() {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_INDICATOR_SERVICE_REPLICAS", "2"), new Properties(),
                Path.of("/repo"), Path.of("launcher/target/lib"));
        ServiceSpec.Instance second = layout.services().get(1).allInstances().get(1);

        assertThat(ServiceProcess.environment(second, layout, PASSWORDS))
                .contains(entry("SERVER_PORT", "8091"), entry("PLANWATCH_INSTANCE", "indicator-service-2"),
                        entry("PLANWATCH_SERVICES_INDICATOR_SERVICE", "http://localhost:8081"))
                .doesNotContainKey("PLANWATCH_SHUTDOWN_DRAIN_DELAY");
    }

    @Test
    void theGatewayIsGivenEveryInstanceOfEachServiceAndTheAuthServerEveryGatewaysLoginAddresses() throws Exception {
        StackLayout layout = StackLayout.from(Map.of("PLANWATCH_REPLICAS", "2",
                "PLANWATCH_REPORTING_SERVICE_REPLICAS", "1"), new Properties(), Path.of("/repo"),
                Path.of("launcher/target/lib"));

        JsonNode instances = new ObjectMapper().readTree(ServiceProcess.environment(
                layout.services().get(4).allInstances().get(1), layout, PASSWORDS).get("SPRING_APPLICATION_JSON"))
                .at("/spring/cloud/discovery/client/simple/instances");
        assertThat(instances.findValuesAsText("uri")).containsExactly("http://localhost:8081", "http://localhost:8091",
                "http://localhost:8082", "http://localhost:8092", "http://localhost:8083");
        assertThat(instances.path("indicator-service").size()).isEqualTo(2);

        assertThat(ServiceProcess.environment(layout.services().get(0).allInstances().get(0), layout, PASSWORDS))
                .contains(entry("PLANWATCH_AUTH_GATEWAY_REDIRECT_URIS",
                        "http://localhost:8080/login/oauth2/code/planwatch,http://localhost:8090/login/oauth2/code/planwatch"));
    }

    /** The one instance of a service that runs once. */
    private static ServiceSpec.Instance only(String service, int port) {
        return new ServiceSpec.Instance(new ServiceSpec(service, port), 0);
    }
}
