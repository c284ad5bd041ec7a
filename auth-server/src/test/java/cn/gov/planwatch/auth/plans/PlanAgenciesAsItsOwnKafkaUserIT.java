package cn.gov.planwatch.auth.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.planwatch.auth.TestPlans;
import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.testsupport.KafkaAcls;
import cn.gov.planwatch.testsupport.ScramKafkaBroker;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerRetryAuthEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth server as docker-compose.yml runs it: profile kafka-scram, logged in as its own Kafka user
 * {@code auth-server} on a broker secured with SASL/SCRAM and the grants of docker/kafka-acls.txt. Compose starts it
 * beside the job that makes that user, so the broker first refuses it; once the user and grants exist, a plan that
 * programme-service publishes gives the new agency's reporter a token, with no restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("kafka-scram")
@Import(PlanAgenciesAsItsOwnKafkaUserIT.Refusals.class)
class PlanAgenciesAsItsOwnKafkaUserIT {

    private static final String USER = "auth-server";
    private static final KafkaAcls ACLS = KafkaAcls.ofCompose();
    private static final Map<String, String> PASSWORDS = ACLS.principals().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), user -> UUID.randomUUID().toString()));
    private static final ScramKafkaBroker BROKER = ScramKafkaBroker.start();
    private static final Path DATA = newDataDir();
    private static final Path CLIENTS_FILE = DATA.resolve("dev-clients.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("planwatch.data-dir", DATA::toString);
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("PLANWATCH_KAFKA_USERNAME", () -> USER);
        registry.add("PLANWATCH_KAFKA_PASSWORD", () -> PASSWORDS.get(USER));
    }

    @AfterAll
    static void stop() throws IOException {
        BROKER.close();
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void refusedUntilItsUserExistsThenAPublishedPlansNewAgencyGetsItsReporterToken() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !Refusals.SEEN.isEmpty());

        BROKER.apply(ACLS, PASSWORDS);
        publishAsProgrammeService(TestPlans.named("trade-ip-v1"));

        ClientEntry mofcom = await().atMost(Duration.ofSeconds(60))
                .until(() -> client("mofcom-reporter"), Optional::isPresent).orElseThrow();
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (mofcom.clientId() + ":" + mofcom.clientSecret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(JSON.readTree(token.body()).get("access_token").asString()).getJWTClaimsSet()
                .getStringClaim("agency")).isEqualTo("MOFCOM");
    }

    private static void publishAsProgrammeService(PlanCatalogue plan) throws Exception {
        PlanEvent published = new PlanPublished(UUID.randomUUID(), plan.plan().id(), plan.plan().version(),
                PlanDocuments.toJsonTree(plan), "cnipa-lead", "trace-" + UUID.randomUUID(), Instant.now(), "lead");
        try (KafkaProducer<String, PlanEvent> producer = new KafkaProducer<>(
                BROKER.clientConfig("programme-service", PASSWORDS.get("programme-service")),
                new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PLAN_EVENTS, published.partitionKey(), published))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<ClientEntry> client(String clientId) {
        return CredentialsFile.read(CLIENTS_FILE).clients().stream()
                .filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("auth-server-scram-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each time the broker refuses the plan consumer's login or a grant, and the consumer keeps going. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Refusals {

        static final List<ConsumerRetryAuthEvent> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        ApplicationListener<ApplicationEvent> refusalsSeen() {
            return event -> {
                if (event instanceof ConsumerRetryAuthEvent refused) {
                    SEEN.add(refused);
                }
            };
        }
    }
}
