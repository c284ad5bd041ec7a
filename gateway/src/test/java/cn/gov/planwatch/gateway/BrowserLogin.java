package cn.gov.planwatch.gateway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser logging a person in through the gateway at {@code base}, as {@link TestIssuer} approves them. */
final class BrowserLogin {

    static final String SESSION = "PLANWATCH_SESSION";

    /** A login session, the access token the gateway holds for it, and where the login sent the browser. */
    record LoggedIn(String cookie, String accessToken, String returnedTo) {
    }

    private BrowserLogin() {
    }

    /** Logs a person in as the authorization server approves them (the nonce is the gateway's, filled in here). */
    static LoggedIn logIn(HttpClient http, TestIssuer issuer, String base, TestIssuer.Approval approval)
            throws Exception {
        return logIn(http, issuer, base, "/", approval);
    }

    /** Logs a person in who first asked for {@code page} (a path and query) without a session. */
    static LoggedIn logIn(HttpClient http, TestIssuer issuer, String base, String page, TestIssuer.Approval approval)
            throws Exception {
        HttpResponse<String> home = send(http, HttpRequest.newBuilder(URI.create(base + page))
                .header("Accept", "text/html"));
        String cookie = sessionCookie(home, null);
        HttpResponse<String> toIssuer = send(http, HttpRequest.newBuilder(
                URI.create(base + "/oauth2/authorization/planwatch")).header("Cookie", cookie));
        cookie = sessionCookie(toIssuer, cookie);
        Map<String, String> query = TestIssuer.form(
                URI.create(toIssuer.headers().firstValue("Location").orElseThrow()).getRawQuery());
        String code = "code-" + UUID.randomUUID();
        issuer.approve(code, new TestIssuer.Approval(query.get("nonce"), approval.subject(), approval.agency(),
                approval.roles()));
        HttpResponse<String> callback = send(http, HttpRequest.newBuilder(URI.create(base
                + "/login/oauth2/code/planwatch?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8))).header("Cookie", cookie));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return new LoggedIn(sessionCookie(callback, cookie), issuer.accessTokenFor(code),
                callback.headers().firstValue("Location").orElseThrow());
    }

    /** The session cookie the answer sets, else the one the browser had. */
    static String sessionCookie(HttpResponse<?> response, String current) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION + "="))
                .map(header -> header.substring(0, header.indexOf(';')))
                .reduce((first, last) -> last)
                .orElse(current);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
