package cn.gov.planwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.auth.credentials.DevelopmentClients;
import cn.gov.planwatch.auth.credentials.UserEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a plan's new agencies get, on real files; the Kafka side is {@code PlanAgencyClientsIT}'s. */
@ExtendWith(OutputCaptureExtension.class)
class AgencyClientsTest {

    private static final AuthProperties PROPERTIES =
            new AuthProperties("http://localhost:9000", Duration.ofMinutes(15), List.of(), List.of(), null, null);

    @TempDir
    Path dir;

    private final DevelopmentClients development = new DevelopmentClients(TestPlans.SHIPPED);
    private final StoredSecrets secrets = new StoredSecrets(StoredSecrets.passwordEncoder());

    @Test
    void aNewAgencysClientAndPersonAreAppendedToThePrivateFileAndKnownAtOnce() throws Exception {
        Path file = dir.resolve("data/dev-clients.json");
        Credentials before = development.loadOrGenerate(file);
        Server server = new Server(file, before, true);

        server.agencyClients.provideFor(TestPlans.named("trade-ip-v2"));

        Credentials after = CredentialsFile.read(file);
        assertThat(after.clients()).startsWith(before.clients().toArray(ClientEntry[]::new));
        assertThat(after.clients()).extracting(ClientEntry::clientId).endsWith("mofcom-reporter", "ndrc-reporter",
                "ndrc-lead");
        assertThat(after.users()).startsWith(before.users().toArray(UserEntry[]::new));
        assertThat(after.users()).extracting(UserEntry::username).endsWith("mofcom", "ndrc", "ndrc-lead");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
        assertThat(server.clients.findByClientId("ndrc-lead").getClientSettings()
                .<String>getSetting("settings.planwatch.agency")).isEqualTo("NDRC");
        assertThat(server.users.loadUserByUsername("mofcom").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_reporter");
        assertThat(server.users.entry("ndrc-lead").agency()).isEqualTo("NDRC");
    }

    @Test
    void aPlanSeenBeforeAddsNothingAndSecretsNeverChange() throws Exception {
        Path file = dir.resolve("dev-clients.json");
        Server server = new Server(file, development.loadOrGenerate(file), true);
        server.agencyClients.provideFor(TestPlans.named("trade-ip-v1"));
        String once = Files.readString(file);

        server.agencyClients.provideFor(TestPlans.named("trade-ip-v1"));
        new Server(file, CredentialsFile.read(file), true).agencyClients.provideFor(TestPlans.named("trade-ip-v1"));

        assertThat(Files.readString(file)).isEqualTo(once);
    }

    @Test
    void inProductionTheFileIsNeverWrittenAndEachAgencyWithoutAClientIsNamedOnce(CapturedOutput output)
            throws Exception {
        Path file = dir.resolve("operators/clients.json");
        CredentialsFile.write(file, development.generate());
        String supplied = Files.readString(file);
        Server server = new Server(file, CredentialsFile.read(file), false);

        server.agencyClients.provideFor(TestPlans.named("trade-ip-v2"));
        server.agencyClients.provideFor(TestPlans.named("trade-ip-v2"));

        assertThat(Files.readString(file)).isEqualTo(supplied);
        assertThat(server.clients.findByClientId("mofcom-reporter")).isNull();
        assertThat(output.getOut()).containsOnlyOnce("agency MOFCOM of plan trade-ip-2026-2030 has no reporter client")
                .containsOnlyOnce("agency NDRC of plan trade-ip-2026-2030 has no reporter client")
                .containsOnlyOnce("agency NDRC of plan trade-ip-2026-2030 has no lead client")
                .doesNotContain("agency CNIPA");
    }

    /** The beans as the server wires them, on {@code file}. */
    private final class Server {
        final HashedOnFirstUseClients clients;
        final HashedOnFirstUseUsers users;
        final AgencyClients agencyClients;

        Server(Path file, Credentials loaded, boolean development) {
            clients = new HashedOnFirstUseClients(loaded.clients(), new RegisteredClients(PROPERTIES, secrets));
            users = new HashedOnFirstUseUsers(loaded.users(), secrets);
            agencyClients = new AgencyClients(new CredentialSources(file, dir.resolve("jwks.json"), development),
                    loaded, AgencyClientsTest.this.development, clients, users);
        }
    }
}
