package cn.gov.planwatch.gateway;

import cn.gov.planwatch.contracts.access.PageCsrfToken;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's login through the gateway (backend-for-frontend): authorization code with PKCE against
 * {@link TestIssuer}, which plays the authorization server. The browser holds only a session cookie; the gateway
 * holds the tokens and relays the access token to the services.
 */
@TestPropertySource(properties = "spring.security.oauth2.client.registration.planwatch.client-secret=test-secret")
class DashboardLoginTest extends GatewayTestBase {

    private static final String SESSION = BrowserLogin.SESSION;

    @Test
    void aPersonLogsInWithPkceAndTheirSessionCallsTheApiWithTheirAccessToken() throws Exception {
        // The dashboard sends a person without a session to log in.
        HttpResponse<String> home = send(request("/").header("Accept", "text/html").GET());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/planwatch");
        String cookie = sessionCookie(home, null);

        // The gateway sends the browser to the authorization server, with PKCE, state and nonce.
        HttpResponse<String> toIssuer = send(request("/oauth2/authorization/planwatch").header("Cookie", cookie).GET());
        assertThat(toIssuer.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toIssuer.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(ISSUER.issuer() + "/authorize?");
        Map<String, String> query = TestIssuer.form(authorize.getRawQuery());
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "planwatch-gateway")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/planwatch")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "profile");
        cookie = sessionCookie(toIssuer, cookie);
        String preLoginCookie = cookie;

        // The authorization server approves and sends the browser back with a code.
        String code = "code-" + UUID.randomUUID();
        ISSUER.approve(code, new TestIssuer.Approval(query.get("nonce"), "samr", "SAMR", List.of("reporter")));
        HttpResponse<String> callback = send(request("/login/oauth2/code/planwatch?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8)).header("Cookie", cookie).GET());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).startsWith("/");
        List<String> setCookies = callback.headers().allValues("Set-Cookie");
        assertThat(setCookies).as("only the session id goes to the browser").allMatch(c -> c.startsWith(SESSION + "="));
        assertThat(setCookies.get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        cookie = sessionCookie(callback, cookie);
        assertThat(cookie).as("a new session id after login").isNotEqualTo(preLoginCookie);

        // The code was redeemed by the confidential client, with the PKCE verifier that matches the challenge.
        Map<String, String> tokenRequest = ISSUER.tokenRequest(code);
        assertThat(tokenRequest).containsEntry("grant_type", "authorization_code");
        assertThat(s256(tokenRequest.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        assertThat(ISSUER.tokenRequestAuthorization(code)).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("planwatch-gateway:test-secret".getBytes(StandardCharsets.UTF_8)));
        String accessToken = ISSUER.accessTokenFor(code);

        // The session knows who it is, without handing out a token.
        HttpResponse<String> me = send(request("/api/v1/me").header("Cookie", cookie).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        // Issuing the session's CSRF token renews the session id (Spring's guard); the browser follows Set-Cookie.
        cookie = sessionCookie(me, cookie);
        assertThat(me.body()).contains("\"agency\":\"SAMR\"", "\"roles\":[\"reporter\"]", "\"name\":\"SAMR desk officer\"")
                .doesNotContain(accessToken).doesNotContain("eyJ");

        // Its API calls reach the service with the session's access token, and without the session cookie.
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> read = send(request("/api/v1/indicators?probe=" + marker).header("Cookie", cookie).GET());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement().satisfies(received -> {
            assertThat(received.authorization()).isEqualTo("Bearer " + accessToken);
            assertThat(received.cookie()).isEqualTo("-");
        });

        // The same rules as for tokens: a reporter's session does not see the national view.
        assertProblem(send(request("/api/v1/national-view").header("Cookie", cookie).GET()), 403, "forbidden");

        // A write riding on the cookie alone needs the CSRF token: a foreign page cannot forge it.
        String writeMarker = UUID.randomUUID().toString();
        HttpResponse<String> forged = send(request("/api/v1/indicators/IND-03/observations?probe=" + writeMarker)
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2023\",\"value\":1}")));
        assertProblem(forged, 403, "csrf");
        assertThat(SERVICES.sawAnything(writeMarker)).isEmpty();

        // The dashboard's own page reads the token from /api/v1/me and sends it back: the write goes through.
        String csrf = find(me.body(), "\"token\":\"([^\"]+)\"");
        assertThat(me.body()).contains("\"headerName\":\"X-CSRF-TOKEN\"");
        HttpResponse<String> write = send(request("/api/v1/indicators/IND-03/observations?probe=" + writeMarker)
                .header("Cookie", cookie).header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2023\",\"value\":1}")));
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        assertThat(SERVICES.received(writeMarker)).singleElement()
                .satisfies(received -> assertThat(received.authorization()).isEqualTo("Bearer " + accessToken));

        // The id from before the login is worth nothing (no session fixation).
        assertProblem(send(request("/api/v1/me").header("Cookie", preLoginCookie).GET()), 401, "unauthenticated");
    }

    @Test
    void theOperatorsConsoleFormsPostWithTheSessionsCsrfTokenAndAreRefusedWithoutIt() throws Exception {
        BrowserLogin.LoggedIn operator = logIn(new TestIssuer.Approval(null, "ops", "CNIPA", List.of("operator")));
        String form = "application/x-www-form-urlencoded";

        // The page gets its session's token from the gateway, whatever the browser claims in that header.
        String pageMarker = UUID.randomUUID().toString();
        HttpResponse<String> page = send(request("/dashboard/ops?probe=" + pageMarker).header("Cookie", operator.cookie())
                .header(PageCsrfToken.HEADER, "planted").GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String cookie = sessionCookie(page, operator.cookie());
        String csrf = SERVICES.received(pageMarker).get(0).pageCsrf();
        assertThat(csrf).isNotIn("-", "planted");

        // A foreign page can post the console's form with the browser's cookie, but not with the token.
        String forgedMarker = UUID.randomUUID().toString();
        HttpResponse<String> forged = send(request("/dashboard/ops/dead-letters/" + forgedMarker + "/replay?lang=en")
                .header("Cookie", cookie).header("Content-Type", form)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=guessed")));
        assertProblem(forged, 403, "csrf");
        assertThat(SERVICES.sawAnything(forgedMarker)).isEmpty();

        // The console's own form carries the session's token as the _csrf field: the replay reaches
        // reporting-service with the operator's access token, and with the form's body intact.
        String marker = UUID.randomUUID().toString();
        String body = "_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> replay = send(request("/dashboard/ops/dead-letters/" + marker + "/replay?lang=en")
                .header("Cookie", cookie).header("Content-Type", form)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement().satisfies(received -> {
            assertThat(received.authorization()).isEqualTo("Bearer " + operator.accessToken());
            assertThat(received.cookie()).isEqualTo("-");
            assertThat(received.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
            // its answer may show the form again, which needs the token too
            assertThat(received.pageCsrf()).isNotIn("-", "planted");
        });

        // An API call never carries a page's token, even one a caller planted.
        String apiMarker = UUID.randomUUID().toString();
        send(request("/api/v1/indicators?probe=" + apiMarker).header("Cookie", cookie)
                .header(PageCsrfToken.HEADER, "planted").GET());
        assertThat(SERVICES.received(apiMarker)).singleElement()
                .satisfies(received -> assertThat(received.pageCsrf()).isEqualTo("-"));

        // The console is the operators': a lead's session does not reach it.
        BrowserLogin.LoggedIn lead = logIn(new TestIssuer.Approval(null, "lead", "CNIPA", List.of("lead")));
        assertProblem(send(request("/dashboard/ops").header("Cookie", lead.cookie()).GET()), 403, "forbidden");
    }

    /**
     * A browser sends its next request on a kept-alive connection the moment the previous answer has arrived, often
     * before the gateway has wound that exchange down (saving the session). Every such request is answered.
     */
    @Test
    void aSessionsRequestsSentTheMomentTheLastAnswerArrivedAreAllAnswered() throws Exception {
        BrowserLogin.LoggedIn reporter = logIn(new TestIssuer.Approval(null, "samr", "SAMR", List.of("reporter")));
        int answered = 0;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            for (int i = 0; i < 500; i++) {
                // a refusal and a routed call: their answers end at different points of the gateway's work
                String path = i % 2 == 0 ? "/api/v1/national-view" : "/api/v1/indicators?probe=kept-alive-" + i;
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: "
                        + reporter.cookie() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                try {
                    assertThat(answerStatus(socket.getInputStream())).as("answer %d", i).isIn(200, 403);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("request " + i + " on a kept-alive connection was never answered", e);
                }
                answered++;
            }
        }
        assertThat(answered).isEqualTo(500);
    }

    /** Reads one answer whole (its head, then the body bytes it declares) and gives its status. */
    private static int answerStatus(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the connection stays open after %s", head).isNotNegative();
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$")
                .matcher(head);
        assertThat(length.find()).as("a declared length: %s", head).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return Integer.parseInt(head.substring(9, 12));
    }

    private BrowserLogin.LoggedIn logIn(TestIssuer.Approval approval) throws Exception {
        return BrowserLogin.logIn(http, ISSUER, "http://localhost:" + port, approval);
    }

    @Test
    void aPersonIsReturnedAfterTheLoginToThePageTheyAskedForAndItIsServed() throws Exception {
        String page = "/dashboard/reviews?plan=ip-2021-2025&probe=" + UUID.randomUUID();

        BrowserLogin.LoggedIn lead = BrowserLogin.logIn(http, ISSUER, "http://localhost:" + port, page,
                new TestIssuer.Approval(null, "lead", "CNIPA", List.of("lead")));
        HttpResponse<String> served = send(request(page).header("Cookie", lead.cookie())
                .header("Accept", "text/html").GET());

        assertThat(lead.returnedTo()).isEqualTo(page);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.body()).startsWith("GET " + page);
    }

    @Test
    void apiCallsWithoutCredentialsGetA401ProblemNotALoginRedirect() throws Exception {
        assertProblem(send(request("/api/v1/indicators").header("Accept", "text/html").GET()), 401, "unauthenticated");
        assertProblem(send(request("/api/v1/indicators/IND-01/observations")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 401, "unauthenticated");
    }

    @Test
    void bearerTokensWorkAsWithoutLogin() throws Exception {
        assertThat(get("/api/v1/national-view", ISSUER.lead()).statusCode()).isEqualTo(200);
    }

    private static String sessionCookie(HttpResponse<?> response, String current) {
        return BrowserLogin.sessionCookie(response, current);
    }

    private static String find(String text, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
