package cn.gov.planwatch.auth.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.planwatch.auth.AuthServerApplication;
import cn.gov.planwatch.auth.TestPlans;
import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.auth.credentials.UserEntry;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import cn.gov.planwatch.contracts.plan.PlanAmended;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TopicOffsets;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan published while the server runs brings a new agency, whose reporter then gets a token with no restart: the
 * server folds the real plan topic (a real broker) into the real clients file. The tests follow one plan's log in
 * order: published, delivered again and replayed, amended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanAgencyClientsIT {

    private static final String KAFKA = RealInfrastructure.shared().kafkaBootstrapServers();
    private static final String GROUP = "auth-server.plans";
    private static final Path DATA = newDataDir();
    private static final Path CLIENTS_FILE = DATA.resolve("dev-clients.json");
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        createPlanTopic();
        registry.add("planwatch.data-dir", DATA::toString);
        registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
    }

    @AfterAll
    static void removeDataDir() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    @Order(1)
    void aPublishedPlanNamingANewAgencyGivesItsReporterATokenWithinSecondsAndLeavesEveryEntryBefore()
            throws Exception {
        Credentials before = CredentialsFile.read(CLIENTS_FILE);
        assertThat(before.clients()).noneMatch(c -> c.agency().equals("MOFCOM"));

        send(published(TestPlans.named("trade-ip-v1")));

        ClientEntry mofcom = await().atMost(WITHIN_SECONDS).until(() -> client("mofcom-reporter"), Optional::isPresent)
                .orElseThrow();
        JWTClaimsSet claims = token(port, mofcom);
        assertThat(claims.getStringClaim("agency")).isEqualTo("MOFCOM");
        assertThat(claims.getStringListClaim("roles")).containsExactly("reporter");
        assertThat(claims.getSubject()).isEqualTo("mofcom-reporter");
        Credentials after = CredentialsFile.read(CLIENTS_FILE);
        assertThat(after.clients()).containsExactlyElementsOf(concat(before.clients(), mofcom));
        assertThat(after.users()).hasSize(before.users().size() + 1).startsWith(before.users().toArray(UserEntry[]::new))
                .last().satisfies(user -> {
                    assertThat(user.username()).isEqualTo("mofcom");
                    assertThat(user.agency()).isEqualTo("MOFCOM");
                    assertThat(user.roles()).containsExactly("reporter");
                });
    }

    @Test
    @Order(2)
    void theSamePlanDeliveredAgainOrReplayedFromTheStartAddsNothing() throws Exception {
        PlanPublished plan = published(TestPlans.named("trade-ip-v1"));
        send(plan);
        TopicOffsets.awaitConsumed(KAFKA, Topics.PLAN_EVENTS, GROUP, WITHIN_SECONDS);
        String once = Files.readString(CLIENTS_FILE);

        send(plan);
        TopicOffsets.awaitConsumed(KAFKA, Topics.PLAN_EVENTS, GROUP, WITHIN_SECONDS);
        assertThat(Files.readString(CLIENTS_FILE)).isEqualTo(once);

        // a restart whose consumer reads the topic from its first offset, as a fresh group does
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(AuthServerApplication.class)
                .run("--server.port=0", "--planwatch.data-dir=" + DATA, "--spring.kafka.bootstrap-servers=" + KAFKA,
                        "--spring.kafka.consumer.group-id=" + GROUP + "-replayed")) {
            TopicOffsets.awaitConsumed(KAFKA, Topics.PLAN_EVENTS, GROUP + "-replayed", WITHIN_SECONDS);
            assertThat(Files.readString(CLIENTS_FILE)).isEqualTo(once);
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            assertThat(token(restartedPort, client("mofcom-reporter").orElseThrow()).getStringClaim("agency"))
                    .isEqualTo("MOFCOM");
        }
    }

    @Test
    @Order(3)
    void anAmendmentMakingANewAgencyTheLeadGivesItALeadClient() throws Exception {
        Credentials before = CredentialsFile.read(CLIENTS_FILE);

        send(amended(TestPlans.named("trade-ip-v2"), 1));

        ClientEntry lead = await().atMost(WITHIN_SECONDS).until(() -> client("ndrc-lead"), Optional::isPresent)
                .orElseThrow();
        JWTClaimsSet claims = token(port, lead);
        assertThat(claims.getStringClaim("agency")).isEqualTo("NDRC");
        assertThat(claims.getStringListClaim("roles")).containsExactly("lead");
        assertThat(token(port, client("ndrc-reporter").orElseThrow()).getStringListClaim("roles"))
                .containsExactly("reporter");
        Credentials after = CredentialsFile.read(CLIENTS_FILE);
        assertThat(after.clients()).startsWith(before.clients().toArray(ClientEntry[]::new))
                .extracting(ClientEntry::clientId).endsWith("ndrc-reporter", "ndrc-lead");
        assertThat(after.users()).startsWith(before.users().toArray(UserEntry[]::new))
                .extracting(UserEntry::username).endsWith("ndrc", "ndrc-lead");
    }

    private static PlanPublished published(PlanCatalogue plan) {
        return new PlanPublished(UUID.randomUUID(), plan.plan().id(), plan.plan().version(),
                PlanDocuments.toJsonTree(plan), "cnipa-lead", "trace-" + UUID.randomUUID(), Instant.now(), "lead");
    }

    private static PlanAmended amended(PlanCatalogue plan, int previousVersion) {
        return new PlanAmended(UUID.randomUUID(), plan.plan().id(), plan.plan().version(), previousVersion,
                PlanDocuments.toJsonTree(plan), "cnipa-lead", "trace-" + UUID.randomUUID(), Instant.now(), "lead");
    }

    private static void send(PlanEvent event) throws Exception {
        try (KafkaProducer<String, PlanEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PLAN_EVENTS, event.partitionKey(), event)).get(10, TimeUnit.SECONDS);
        }
    }

    private JWTClaimsSet token(int serverPort, ClientEntry client) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + serverPort + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SignedJWT.parse(JSON.readTree(response.body()).get("access_token").asString()).getJWTClaimsSet();
    }

    private static Optional<ClientEntry> client(String clientId) {
        return CredentialsFile.read(CLIENTS_FILE).clients().stream()
                .filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    private static <T> List<T> concat(List<T> first, T last) {
        return Stream.concat(first.stream(), Stream.of(last)).toList();
    }

    /** The topic as programme-service declares it; the broker creates none on its own. */
    private static void createPlanTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(new NewTopic(Topics.PLAN_EVENTS, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.PLAN_EVENTS, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + Topics.PLAN_EVENTS, e);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("auth-server-plans-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
