package cn.gov.planwatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as {@code ./run.sh} starts it — the real launcher jar as a process — with its own data
 * directory and every port moved by an offset, so that several can run beside a developer's stack. Gives
 * tests the development clients' tokens and users the auth server generated. Other modules' tests start it too
 * (its test jar).
 */
public final class StackUnderTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int offset;
    private final Path data;
    private final Map<String, String> settings;
    private Process launcher;

    /** @param name names the data directory and the log under {@code launcher/target/} */
    public StackUnderTest(String name, int offset) {
        this(name, offset, Map.of());
    }

    /** @param settings more of the launcher's settings, e.g. {@code PLANWATCH_INDICATOR_SERVICE_REPLICAS} */
    public StackUnderTest(String name, int offset, Map<String, String> settings) {
        this.name = name;
        this.offset = offset;
        this.data = ROOT.resolve("launcher/target/" + name + "-data");
        this.settings = Map.copyOf(settings);
    }

    /** What the launcher printed, this run and earlier ones. */
    String launcherOutput() throws IOException {
        return Files.readString(ROOT.resolve("launcher/target/" + name + ".log"));
    }

    Path data() {
        return data;
    }

    /** A port of the default stack, moved by this stack's offset. */
    int port(int defaultPort) {
        return defaultPort + offset;
    }

    public String gateway() {
        return "http://localhost:" + port(8080);
    }

    /** Starts on an empty data directory. */
    public Duration startFresh() throws Exception {
        deleteRecursively(data);
        return start();
    }

    /** Starts on whatever the data directory holds; answers how long until the gateway was healthy. */
    Duration start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("launcher/target/launcher.jar").toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve("launcher/target/" + name + ".log")
                        .toFile()));
        builder.environment().put("PLANWATCH_DATA", data.toString());
        builder.environment().put("PLANWATCH_PORT_OFFSET", Integer.toString(offset));
        // A test's stack lives minutes: start-up counts, the full compiler's steady state never comes.
        builder.environment().put("PLANWATCH_JVM_OPTS", StackLayout.QUICK_START_JVM_OPTIONS);
        builder.environment().putAll(settings);
        Process process = builder.start();
        launcher = process;
        long begin = System.nanoTime();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + process.exitValue()
                        + "; see launcher/target/" + name + ".log");
            }
            return answers(port(8080)) && status(gateway() + "/actuator/health") == 200
                    && Files.exists(data.resolve("dev-clients.json"));
        });
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * With the stack stopped: forgets every read model (the database cluster; the launcher initialises a new one and
     * provisions the roles again on the next start) and every consumer group's position (Kafka's offsets topic; the
     * broker recreates it empty), keeping the event log itself. The next start then replays every topic from
     * offset 0.
     */
    void forgetReadModelsAndConsumerPositions() throws IOException {
        deleteRecursively(data.resolve("postgres"));
        try (var logs = Files.list(data.resolve("kafka").resolve("logs"))) {
            for (Path partition : logs.filter(p -> p.getFileName().toString().startsWith("__consumer_offsets-"))
                    .toList()) {
                deleteRecursively(partition);
            }
        }
    }

    /** SIGTERM, as Ctrl-C would: the launcher stops the stack in reverse order. */
    void stop() throws Exception {
        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stopped in time").isTrue();
    }

    public void stopIfRunning() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            stop();
        }
    }

    /** An access token of a development client, from the auth server. */
    public String token(String clientId) throws Exception {
        String secret = null;
        for (JsonNode client : JSON.readTree(data.resolve("dev-clients.json").toFile())) {
            if (clientId.equals(client.path("clientId").asText())) {
                secret = client.get("clientSecret").asText();
            }
        }
        assertThat(secret).as("a development client %s", clientId).isNotNull();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port(9000) + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** A development user's password, from the {@code "users"} element that ends the clients file. */
    String userPassword(String username) throws Exception {
        for (JsonNode element : JSON.readTree(data.resolve("dev-clients.json").toFile())) {
            for (JsonNode user : element.path("users")) {
                if (username.equals(user.path("username").asText())) {
                    return user.get("password").asText();
                }
            }
        }
        throw new AssertionError("no development user " + username);
    }

    static boolean answers(int port) {
        try (var socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int status(String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
