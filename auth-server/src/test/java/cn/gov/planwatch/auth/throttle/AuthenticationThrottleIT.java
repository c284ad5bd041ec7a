package cn.gov.planwatch.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.auth.credentials.UserEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Guessing at secrets from one address is slowed, then refused with 429, while a client elsewhere goes on working.
 * Each test speaks from loopback addresses of its own (a socket bound to 127.0.0.x: Java's HttpClient cannot choose
 * its local address), so that the throttle's memory of one test does not reach another. Delays are shortened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "planwatch.auth.throttle.delay-step=10ms", "planwatch.auth.throttle.max-delay=50ms"})
class AuthenticationThrottleIT {

    private static final Path DATA = newDataDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("planwatch.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataDir() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void sixtyWrongClientSecretsFromOneAddressMeet429WhileTheRightSecretFromAnotherStillGetsAToken() throws Exception {
        ClientEntry samr = client("samr-reporter");
        List<Response> guesses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            guesses.add(tokenRequest("127.0.0.3", samr.clientId(), "guess-" + i));
        }

        assertThat(guesses.subList(0, 20)).allSatisfy(guess -> assertThat(guess.status()).isEqualTo(401));
        assertThat(guesses.subList(20, 60)).allSatisfy(guess -> {
            assertThat(guess.status()).isEqualTo(429);
            assertThat(guess.header("Content-Type")).startsWith("application/problem+json");
            assertThat(guess.body()).contains("\"status\":429", "too-many-failed-authentications");
            assertThat(Long.parseLong(guess.header("Retry-After"))).isBetween(1L, 900L);
        });
        // refused before the secret is checked: the right one does not get through from there either
        assertThat(tokenRequest("127.0.0.3", samr.clientId(), samr.clientSecret()).status()).isEqualTo(429);

        Response elsewhere = tokenRequest("127.0.0.2", samr.clientId(), samr.clientSecret());
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(elsewhere.body()).contains("\"access_token\"");
    }

    @Test
    void repeatedWrongPasswordsAtTheLoginFormMeet429() throws Exception {
        UserEntry lead = CredentialsFile.read(DATA.resolve("dev-clients.json")).users().stream()
                .filter(user -> user.username().equals("lead")).findFirst().orElseThrow();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(loginAttempt("127.0.0.4", lead.username(), "guess-" + i).status());
        }

        assertThat(statuses.subList(0, 20)).as("wrong password: back to the form").containsOnly(302);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        Response refused = loginAttempt("127.0.0.4", lead.username(), lead.password());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();

        Response elsewhere = loginAttempt("127.0.0.5", lead.username(), lead.password());
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.header("Location")).doesNotContain("error");
    }

    private Response tokenRequest(String from, String clientId, String secret) throws IOException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(from, "/oauth2/token", Map.of("Authorization", "Basic " + basic), "grant_type=client_credentials");
    }

    /** The login form as a browser fills it in: its page first (session and CSRF token), then the post. */
    private Response loginAttempt(String from, String username, String password) throws IOException {
        Response page = exchange(from, "GET /login HTTP/1.0\r\nHost: localhost\r\n\r\n");
        String cookie = page.header("Set-Cookie").split(";", 2)[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        return post(from, "/login", Map.of("Cookie", cookie), form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private Response post(String from, String path, Map<String, String> headers, String form) throws IOException {
        StringBuilder request = new StringBuilder("POST ").append(path).append(" HTTP/1.0\r\nHost: localhost\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(form.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return exchange(from, request.append("\r\n").append(form).toString());
    }

    /** One HTTP/1.0 exchange (the server closes, no chunking) over a socket bound to the loopback address given. */
    private Response exchange(String from, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return Response.parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private static ClientEntry client(String clientId) {
        return CredentialsFile.read(DATA.resolve("dev-clients.json")).clients().stream()
                .filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("auth-throttle-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
