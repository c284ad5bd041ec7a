package cn.gov.planwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.DevelopmentClients;
import cn.gov.planwatch.auth.credentials.UserEntry;
import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevelopmentClientsTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);

    @TempDir
    Path dir;

    @Test
    void generatesOneReporterPerAgencyThenLeadOperatorAndGateway() {
        Credentials credentials = new DevelopmentClients(CATALOGUE).generate();

        List<String> expected = Stream.concat(
                CATALOGUE.agencies().stream().map(Agency::code).map(DevelopmentClients::reporterClientId),
                Stream.of("cnipa-lead", "planwatch-operator", "planwatch-gateway")).toList();
        assertThat(credentials.clients()).extracting(ClientEntry::clientId).containsExactlyElementsOf(expected);
        assertThat(credentials.clients()).hasSize(CATALOGUE.agencies().size() + 3);
        assertThat(credentials.clients()).filteredOn(c -> c.clientId().equals("samr-reporter")).singleElement()
                .satisfies(c -> {
                    assertThat(c.agency()).isEqualTo("SAMR");
                    assertThat(c.roles()).containsExactly("reporter");
                });
        assertThat(credentials.clients()).filteredOn(ClientEntry::isGatewayLogin).singleElement()
                .satisfies(c -> assertThat(c.roles()).isEmpty());
        assertThat(credentials.users()).extracting(UserEntry::username).startsWith("lead", "operator")
                .contains("cnipa", "samr").hasSize(CATALOGUE.agencies().size() + 2);
    }

    @Test
    void secretsAreLongRandomAndUrlSafe() {
        List<String> secrets = new DevelopmentClients(CATALOGUE).generate().clients().stream()
                .map(ClientEntry::clientSecret).toList();

        assertThat(secrets).doesNotHaveDuplicates();
        assertThat(secrets).allSatisfy(secret -> {
            assertThat(secret).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);
        });
    }

    @Test
    void writesAPrivateJsonArrayWithUsersLastAndReusesIt() throws Exception {
        Path file = dir.resolve("data").resolve("dev-clients.json");
        DevelopmentClients clients = new DevelopmentClients(CATALOGUE);

        Credentials first = clients.loadOrGenerate(file);
        Credentials second = clients.loadOrGenerate(file);

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temp file left behind
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(root.isArray()).isTrue();
        assertThat(root.get(0).propertyNames()).containsExactly("clientId", "clientSecret", "agency", "roles");
        JsonNode last = root.get(root.size() - 1);
        assertThat(last.propertyNames()).containsExactly("users");
        assertThat(last.get("users").get(0).propertyNames()).containsExactly("username", "password", "agency", "roles");
        assertThat(root.get(root.size() - 2).get("purpose").asString()).isEqualTo("gateway-login");
    }
}
