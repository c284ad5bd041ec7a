package cn.gov.planwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** No Kafka broker answers this server: tokens and logins never wait on the plan topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServerIT {

    /** Nothing listens on the discard port, so the plan topic's consumer keeps retrying in the background. */
    private static final String NO_BROKER = "127.0.0.1:9";

    /** Not the default, to show that {@code iss} follows configuration rather than the port it is served on. */
    private static final String ISSUER = "http://auth.planwatch.test:9000";
    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    @LocalServerPort
    int port;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    HashedOnFirstUseUsers people;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("planwatch.data-dir", DATA::toString);
        registry.add("planwatch.auth.issuer", () -> ISSUER);
        registry.add("spring.kafka.bootstrap-servers", () -> NO_BROKER);
    }

    /** The cached context still runs, but nothing reads the files after the last test. */
    @AfterAll
    static void removeDataDir() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void firstStartWritesReporterClientsForEveryAgencyThenLeadAndOperatorAndUsersLast() throws Exception {
        Credentials credentials = CredentialsFile.read(DATA.resolve("dev-clients.json"));

        assertThat(credentials.clients()).filteredOn(c -> c.roles().equals(List.of("reporter")))
                .hasSize(18)
                .allSatisfy(c -> assertThat(c.clientId()).isEqualTo(c.agency().toLowerCase() + "-reporter"));
        assertThat(credentials.clients()).extracting(ClientEntry::clientId)
                .containsSubsequence("samr-reporter", "cnipa-lead", "planwatch-operator", "planwatch-gateway");
        JsonNode root = JSON.readTree(Files.readString(DATA.resolve("dev-clients.json")));
        assertThat(root.get(root.size() - 1).get("users").size()).isEqualTo(20);
        assertThat(DATA.resolve("auth/jwks.json")).exists();
    }

    @Test
    void reporterTokenCarriesAgencyRolesAudienceAndIssuerAndIsSignedByThePublishedKey() throws Exception {
        ClientEntry samr = client("samr-reporter");

        HttpResponse<String> response = clientCredentials(samr.clientId(), samr.clientSecret());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
        assertThat(jwt.verify(new RSASSAVerifier(publishedKey(jwt.getHeader().getKeyID())))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("agency")).isEqualTo("SAMR");
        assertThat(claims.getStringListClaim("roles")).containsExactly("reporter");
        assertThat(claims.getAudience()).contains("planwatch");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("samr-reporter");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("samr-reporter");
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    }

    /** Spring's default encoder would re-hash at cost 10 after each successful check, weakening every hash. */
    @Test
    void storedSecretsAreBcryptOfCost12AndKeepItAfterUse() throws Exception {
        ClientEntry spc = client("spc-reporter");

        assertThat(clientCredentials(spc.clientId(), spc.clientSecret()).statusCode()).isEqualTo(200);

        assertThat(clients.findByClientId("spc-reporter").getClientSecret()).startsWith("{bcrypt}$2a$12$");
    }

    /** A file written before the cost was raised holds cheaper hashes: they still verify, and are raised on use. */
    @Test
    void anOlderCheaperHashStillVerifiesAndIsRehashedAtCost12OnItsFirstUse() throws Exception {
        ClientEntry older = CredentialsFile.read(DATA.resolve("dev-clients.json")).clients().stream()
                .filter(c -> c.roles().equals(List.of("reporter")))
                .filter(c -> !List.of("samr-reporter", "spc-reporter").contains(c.clientId()))
                .findFirst().orElseThrow();
        clients.save(RegisteredClient.from(clients.findByClientId(older.clientId()))
                .clientSecret("{bcrypt}" + new BCryptPasswordEncoder(8).encode(older.clientSecret())).build());

        assertThat(clientCredentials(older.clientId(), older.clientSecret()).statusCode()).isEqualTo(200);

        assertThat(clients.findByClientId(older.clientId()).getClientSecret()).startsWith("{bcrypt}$2a$12$");
        assertThat(clientCredentials(older.clientId(), older.clientSecret()).statusCode()).isEqualTo(200);
    }

    /** The same for a person: an older cheaper hash lets them in, and is raised at their login. */
    @Test
    void aPersonsOlderCheaperHashStillLetsThemInAndIsRehashedAtCost12() throws Exception {
        String password = CredentialsFile.read(DATA.resolve("dev-clients.json")).users().stream()
                .filter(u -> u.username().equals("operator")).findFirst().orElseThrow().password();
        people.updatePassword(people.loadUserByUsername("operator"),
                "{bcrypt}" + new BCryptPasswordEncoder(8).encode(password));
        String csrf = find(get("/login").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        HttpResponse<String> loggedIn = post("/login", null,
                Map.of("username", "operator", "password", password, "_csrf", csrf));

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(people.loadUserByUsername("operator").getPassword()).startsWith("{bcrypt}$2a$12$");
    }

    @Test
    void leadTokenHasRoleLeadAndAgencyCnipa() throws Exception {
        ClientEntry lead = client("cnipa-lead");

        JWTClaimsSet claims = claims(clientCredentials(lead.clientId(), lead.clientSecret()));

        assertThat(claims.getStringListClaim("roles")).containsExactly("lead");
        assertThat(claims.getStringClaim("agency")).isEqualTo("CNIPA");
    }

    /** The plan topic's consumer keeps trying to reach a broker in the background; no caller waits on it. */
    @Test
    void tokensAndReadinessDoNotWaitOnTheBrokerThePlanTopicIsReadFrom() throws Exception {
        assertThat(listeners.getListenerContainer("auth-server-plans").isRunning()).isTrue();
        ClientEntry reporter = client("cnipa-reporter");

        assertThat(clientCredentials(reporter.clientId(), reporter.clientSecret()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void clientSecretPostIsAcceptedToo() throws Exception {
        ClientEntry operator = client("planwatch-operator");

        HttpResponse<String> response = post("/oauth2/token", null, Map.of("grant_type", "client_credentials",
                "client_id", operator.clientId(), "client_secret", operator.clientSecret()));

        assertThat(claims(response).getStringListClaim("roles")).containsExactly("operator");
    }

    @Test
    void wrongSecretIsAnInvalidClient() throws Exception {
        HttpResponse<String> response = clientCredentials("samr-reporter", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void healthAndDiscoveryAnswerWithoutAuthentication() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(get("/.well-known/oauth-authorization-server").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    /** The gateway's browser login: form login, authorization code with PKCE, claims from the person's record. */
    @Test
    void personLogsInThroughTheGatewayClientWithPkce() throws Exception {
        ClientEntry gateway = client("planwatch-gateway");
        var samr = CredentialsFile.read(DATA.resolve("dev-clients.json")).users().stream()
                .filter(u -> u.username().equals("samr")).findFirst().orElseThrow();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]).replace('A', 'x');
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = "http://localhost:8080/login/oauth2/code/planwatch";
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id",
                gateway.clientId(), "scope", "openid profile", "redirect_uri", redirectUri, "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = send(HttpRequest.newBuilder(url(authorize)).header("Accept", "text/html"));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String csrf = find(get("/login").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        HttpResponse<String> loggedIn = post("/login", null,
                Map.of("username", "samr", "password", samr.password(), "_csrf", csrf));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = send(HttpRequest.newBuilder(
                url(loggedIn.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))));
        String location = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri);
        String code = find(location, "[?&]code=([^&]+)");

        HttpResponse<String> tokens = post("/oauth2/token", basic(gateway.clientId(), gateway.clientSecret()),
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                        "code_verifier", verifier));

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet access = claims(tokens);
        assertThat(access.getSubject()).isEqualTo("samr");
        assertThat(access.getStringClaim("agency")).isEqualTo("SAMR");
        assertThat(access.getStringListClaim("roles")).containsExactly("reporter");
        assertThat(access.getAudience()).containsExactly("planwatch");
        JsonNode body = JSON.readTree(tokens.body());
        assertThat(body.has("refresh_token")).isTrue();
        JWTClaimsSet id = SignedJWT.parse(body.get("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly("planwatch-gateway");
        assertThat(id.getStringClaim("agency")).isEqualTo("SAMR");
    }

    @Test
    void codeFlowWithoutPkceIsRefused() throws Exception {
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id",
                "planwatch-gateway", "scope", "openid", "redirect_uri",
                "http://localhost:8080/login/oauth2/code/planwatch", "state", "s1"));

        HttpResponse<String> response = send(HttpRequest.newBuilder(url(authorize)));

        assertThat(response.headers().firstValue("Location").orElse("")).contains("error=invalid_request");
    }

    @Test
    void secondStartOnTheSameDataDirReusesSecretsAndKey() throws Exception {
        Path clientsFile = DATA.resolve("dev-clients.json");
        String clientsBefore = Files.readString(clientsFile);
        String keysBefore = Files.readString(DATA.resolve("auth/jwks.json"));
        String kidBefore = JWKSet.parse(get("/oauth2/jwks").body()).getKeys().get(0).getKeyID();

        // command-line arguments, not builder properties: those are defaults that application.yaml overrides
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AuthServerApplication.class)
                .run("--server.port=0", "--planwatch.data-dir=" + DATA, "--planwatch.auth.issuer=" + ISSUER,
                        "--spring.kafka.bootstrap-servers=" + NO_BROKER)) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + secondPort + "/oauth2/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JWKSet.parse(jwks.body()).getKeys().get(0).getKeyID()).isEqualTo(kidBefore);
            ClientEntry samr = client("samr-reporter");
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + secondPort + "/oauth2/token"))
                    .header("Authorization", basic(samr.clientId(), samr.clientSecret()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(clientsFile)).isEqualTo(clientsBefore);
        assertThat(Files.readString(DATA.resolve("auth/jwks.json"))).isEqualTo(keysBefore);
    }

    private static ClientEntry client(String clientId) {
        return CredentialsFile.read(DATA.resolve("dev-clients.json")).clients().stream()
                .filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private RSAKey publishedKey(String kid) throws Exception {
        HttpResponse<String> jwks = get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        RSAKey key = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(kid);
        assertThat(key.isPrivate()).isFalse();
        return key;
    }

    private JWTClaimsSet claims(HttpResponse<String> tokenResponse) throws Exception {
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(JSON.readTree(tokenResponse.body()).get("access_token").asString());
        assertThat(jwt.verify(new RSASSAVerifier(publishedKey(jwt.getHeader().getKeyID())))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return post("/oauth2/token", basic(clientId, secret), Map.of("grant_type", "client_credentials"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)));
    }

    private HttpResponse<String> post(String path, String authorization, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("auth-server-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
