package cn.gov.planwatch.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OAuth 2.0 / OIDC issuer on loopback for tests: OIDC discovery, a JWK set, signed access tokens with
 * PlanWatch's claims (valid, expired, foreign), and a token endpoint that completes an authorization-code login
 * the test has approved.
 */
public final class TestIssuer {

    private static TestIssuer shared;

    /** A login the test approved at the "authorization endpoint": the code it answers with and who logged in. */
    record Approval(String nonce, String subject, String agency, List<String> roles) {
    }

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tokenRequests = new ConcurrentHashMap<>();
    private final Map<String, String> tokenRequestAuthorization = new ConcurrentHashMap<>();
    private final Map<String, String> issuedAccessTokens = new ConcurrentHashMap<>();

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("foreign-key").generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","end_session_endpoint":"%1$s/logout",
                 "response_types_supported":["code"],"grant_types_supported":["authorization_code","refresh_token"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid","profile"],"code_challenge_methods_supported":["S256"]}
                """.formatted(issuer())));
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A valid access token of client {@code clientId} acting for {@code agency} with {@code roles}. */
    String token(String clientId, String agency, String... roles) {
        return sign(key, issuer(), clientId, "planwatch", agency, List.of(roles), Instant.now().plusSeconds(900), null);
    }

    String reporter(String agency) {
        return token(agency.toLowerCase() + "-reporter", agency, "reporter");
    }

    String lead() {
        return token("cnipa-lead", "CNIPA", "lead");
    }

    String operator() {
        return token("planwatch-operator", "CNIPA", "operator");
    }

    /** Signed with the right key, but expired two minutes ago (beyond the validator's clock skew). */
    String expired(String agency, String... roles) {
        return sign(key, issuer(), "expired-client", "planwatch", agency, List.of(roles),
                Instant.now().minus(Duration.ofMinutes(2)), null);
    }

    /** Well-formed and unexpired, but from another issuer with another key. */
    String foreign(String agency, String... roles) {
        return sign(foreignKey, "http://elsewhere.example", "foreign-client", "planwatch", agency, List.of(roles),
                Instant.now().plusSeconds(900), null);
    }

    /** From this issuer, but minted for another audience. */
    String forAudience(String audience, String agency, String... roles) {
        return sign(key, issuer(), "other-client", audience, agency, List.of(roles), Instant.now().plusSeconds(900),
                null);
    }

    /** The authorization endpoint's part of a login: {@code code} will be exchanged for this person's tokens. */
    void approve(String code, Approval approval) {
        approvals.put(code, approval);
    }

    /** The form the gateway posted to the token endpoint for {@code code}. */
    Map<String, String> tokenRequest(String code) {
        return tokenRequests.get(code);
    }

    String tokenRequestAuthorization(String code) {
        return tokenRequestAuthorization.get(code);
    }

    /** The access token issued for {@code code}. */
    String accessTokenFor(String code) {
        return issuedAccessTokens.get(code);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = Objects.requireNonNullElse(form.get("code"), "");
        Approval approval = approvals.remove(code);
        tokenRequests.put(code, form);
        tokenRequestAuthorization.put(code,
                Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), ""));
        if (approval == null || !"authorization_code".equals(form.get("grant_type"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant expiry = Instant.now().plusSeconds(900);
        String access = sign(key, issuer(), approval.subject(), "planwatch", approval.agency(), approval.roles(),
                expiry, null);
        String id = sign(key, issuer(), approval.subject(), "planwatch-gateway", approval.agency(), approval.roles(),
                expiry, approval.nonce());
        issuedAccessTokens.put(code, access);
        json(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":900,"scope":"openid profile","id_token":"%s"}
                """.formatted(access, id));
    }

    private static String sign(RSAKey signingKey, String issuer, String subject, String audience, String agency,
            List<String> roles, Instant expiry, String nonce) {
        Instant issued = expiry.minus(Duration.ofMinutes(15));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("agency", agency)
                .claim("roles", roles);
        if (nonce != null) {
            claims.claim("nonce", nonce).claim("name", subject.toUpperCase() + " desk officer");
        } else {
            claims.claim("client_id", subject);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
