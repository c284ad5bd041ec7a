package cn.gov.planwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.planwatch.auth.credentials.DevelopmentClients;
import cn.gov.planwatch.auth.keys.SigningKeys;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Profile {@code prod} must never fall back to generated development credentials. */
class ProdProfileTest {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutExternalClientsAndKeys() {
        assertThatThrownBy(() -> start())
                .rootCause()
                .isInstanceOf(MissingProductionCredentialsException.class)
                .hasMessageContaining("planwatch.auth.clients-file (env PLANWATCH_AUTH_CLIENTS_FILE) is not set")
                .hasMessageContaining("planwatch.auth.jwks-file (env PLANWATCH_AUTH_JWKS_FILE) is not set");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesAClientsFileThatDoesNotExist() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> start("--planwatch.auth.clients-file=" + missing))
                .rootCause()
                .hasMessageContaining("planwatch.auth.clients-file points to " + missing + ", which does not exist")
                .hasMessageContaining("planwatch.auth.jwks-file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void startsOnExternallySuppliedFilesWithoutWritingAnything() throws Exception {
        Path clients = dir.resolve("ext/clients.json");
        Path keys = dir.resolve("ext/jwks.json");
        new DevelopmentClients(PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION)).loadOrGenerate(clients);
        SigningKeys.loadOrGenerate(keys);

        try (ConfigurableApplicationContext context = start("--planwatch.auth.clients-file=" + clients,
                "--planwatch.auth.jwks-file=" + keys)) {
            assertThat(context.getBean(RegisteredClientRepository.class).findByClientId("samr-reporter")).isNotNull();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("ext")); // no data dir, no dev-clients.json
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .profiles("prod")
                // command-line arguments, not builder properties: those are defaults that application.yaml overrides
                .run(Stream.concat(Stream.of("--server.port=0", "--planwatch.data-dir=" + dir.resolve("data")),
                        Arrays.stream(args)).toArray(String[]::new));
    }
}
