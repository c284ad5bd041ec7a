package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import cn.gov.planwatch.testsupport.KafkaAcls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be started where the tests run (no Docker engine), so what it promises about the
 * database, Kafka and the network is read here: the same roles as {@link ServiceDatabaseRole}, each Kafka user of
 * docker/kafka-acls.txt made by kafka-init and logged in as by its service, Redis with a password for the gateway
 * alone, no default password, and nothing published but the gateway and the token issuer.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theInitScriptCreatesEachServicesRoleOwningItsSchemaAndEachServiceConnectsAsItsRole() throws Exception {
        String script = Files.readString(ROOT.resolve("docker/postgres/service-roles.sh"));
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (ServiceDatabaseRole role : ServiceDatabaseRole.ALL) {
            assertThat(script).contains("create role " + role.role() + " login nosuperuser")
                    .contains("create schema " + role.schema() + " authorization " + role.role() + ";");
            assertThat(section(compose, role.service())).contains("SPRING_DATASOURCE_USERNAME: " + role.role());
            assertThat(script.contains("grant create on database :\"db\" to " + role.role() + ";"))
                    .as(role.role() + " may create schemas").isEqualTo(role.createsSchemas());
        }
        assertThat(compose).contains("./docker/postgres/service-roles.sh:/docker-entrypoint-initdb.d/");
    }

    @Test
    void kafkaInitMakesEveryKafkaUserOfTheAclFileAndEachServiceLogsInAsItsOwnOverScram() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String backendEnvironment = anchor(compose, "x-backend-environment");
        assertThat(KafkaAcls.ofCompose().principals()).isNotEmpty().allSatisfy(service -> {
            // as docker/kafka-init.sh names the password of a principal
            String password = "KAFKA_" + service.replaceFirst("-service$", "").toUpperCase(Locale.ROOT)
                    .replace('-', '_') + "_PASSWORD";
            String secret = "${" + password + ":?";
            assertThat(section(compose, "kafka-init")).contains(password + ": " + secret);
            String environment = section(compose, service);
            if (environment.contains("<<: *backend-environment")) {
                environment += backendEnvironment;
            }
            assertThat(environment).as(service)
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:9092")
                    .contains("SPRING_PROFILES_ACTIVE: kafka-scram")
                    .contains("PLANWATCH_KAFKA_USERNAME: " + service + "\n")
                    .contains("PLANWATCH_KAFKA_PASSWORD: " + secret)
                    .doesNotContain("SPRING_KAFKA_LISTENER_AUTO_STARTUP");
        });
    }

    @Test
    void theGatewayAloneKeepsItsSessionsAndRateLimitsInTheRedisServiceWithItsPassword() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(section(compose, "redis")).contains("REDIS_PASSWORD: ${REDIS_PASSWORD:?")
                .contains("--requirepass \\\"$$REDIS_PASSWORD\\\"").contains("redis-data:/data");
        assertThat(section(compose, "gateway")).contains("PLANWATCH_REDIS_HOST: redis\n")
                .contains("PLANWATCH_REDIS_PASSWORD: ${REDIS_PASSWORD:?").contains("    depends_on:\n      redis:\n");
        for (String service : List.of("auth-server", "indicator-service", "programme-service", "reporting-service")) {
            assertThat(section(compose, service)).as(service).doesNotContain("REDIS");
        }
    }

    @Test
    void everyPasswordMustBeSetComposeHasNoDefaultForAny() throws Exception {
        List<String> passwordLines = Files.readAllLines(ROOT.resolve("docker-compose.yml")).stream()
                .filter(line -> line.matches("\\s*[A-Z_]*PASSWORD[A-Z_]*:.*")).toList();
        assertThat(passwordLines).hasSizeGreaterThanOrEqualTo(1 + ServiceDatabaseRole.ALL.size() * 2);
        assertThat(passwordLines).allSatisfy(line -> assertThat(line).matches(".*: \\$\\{[A-Z_]+:\\?[^}]+}\\s*"));
    }

    @Test
    void twoInstancesOfEachBackendServiceAndOfTheGatewayTheGatewaysBalancingOverEachServicesTwo() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (String service : List.of("indicator-service", "programme-service", "reporting-service", "gateway")) {
            assertThat(compose).as(service).containsOnlyOnce("\n  " + service + "-1: &" + service + "\n")
                    .doesNotContain("\n  " + service + "-3:");
            // the second instance is the first one again, with at most its own published port
            assertThat(section(compose, service + "-2")).as(service)
                    .startsWith("    <<: *" + service + "\n").doesNotContain("environment:", "image:", "build:");
        }
        for (String backend : List.of("indicator-service", "programme-service", "reporting-service")) {
            assertThat(section(compose, backend + "-1")).as(backend)
                    .contains("    networks:\n      default:\n        aliases: [" + backend + "]\n");
        }
        String instances = section(compose, "gateway-1").lines()
                .filter(line -> line.contains("SPRING_APPLICATION_JSON:")).findFirst().orElseThrow();
        JsonNode balanced = new ObjectMapper().readTree(instances.substring(instances.indexOf('\'') + 1,
                instances.lastIndexOf('\''))).at("/spring/cloud/discovery/client/simple/instances");
        assertThat(balanced.findValuesAsText("uri")).containsExactly(
                "http://indicator-service-1:8081", "http://indicator-service-2:8081",
                "http://programme-service-1:8082", "http://programme-service-2:8082",
                "http://reporting-service-1:8083", "http://reporting-service-2:8083");
        for (String instance : balanced.findValuesAsText("uri")) {
            String name = instance.replaceAll("http://([a-z0-9-]+):.*", "$1");
            assertThat(section(compose, "gateway-1")).as("the gateway waits for " + name)
                    .contains("      " + name + ":\n        condition: service_healthy\n");
        }
        assertThat(section(compose, "auth-server")).contains("PLANWATCH_AUTH_GATEWAY_REDIRECT_URIS: "
                + "http://localhost:8080/login/oauth2/code/planwatch,http://localhost:8090/login/oauth2/code/planwatch\n");
    }

    @Test
    void onlyTheGatewaysAndTheTokenIssuerArePublished() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        List<String> published = new ArrayList<>();
        Matcher ports = Pattern.compile("(?m)^ {4}ports:\\n((?: {6}(?:#.*|- .*)\\n)+)").matcher(compose);
        while (ports.find()) {
            Matcher mapping = Pattern.compile("- \"([^\"]+)\"").matcher(ports.group(1));
            while (mapping.find()) {
                published.add(mapping.group(1));
            }
        }
        assertThat(published).containsExactlyInAnyOrder("8080:8080", "8090:8080", "9000:9000");
    }

    /** The lines of a top-level extension field ({@code x-...: &name}), up to the next top-level key. */
    private static String anchor(String compose, String field) {
        Matcher matcher = Pattern.compile("(?ms)^" + Pattern.quote(field) + ":.*?\\n(.*?)(?=^\\S)").matcher(compose);
        assertThat(matcher.find()).as(field + " in docker-compose.yml").isTrue();
        return matcher.group(1);
    }

    /**
     * The lines of one service, from its name to the next service's (under {@code services:}: the extension fields
     * above it name services too, as dependencies). A service run as several instances is defined in its first
     * instance's lines ({@code <service>-1}), which the others repeat by anchor.
     */
    private static String section(String compose, String service) {
        String services = compose.substring(compose.indexOf("\nservices:\n"));
        Matcher matcher = Pattern.compile("(?ms)^  " + Pattern.quote(service) + "(?:-1)?:(?: &[a-z-]+)?\\n(.*?)"
                + "(?=^  [a-z0-9-]+:(?: &[a-z-]+)?\\n|^\\S)").matcher(services);
        assertThat(matcher.find()).as(service + " in docker-compose.yml").isTrue();
        return matcher.group(1);
    }
}
