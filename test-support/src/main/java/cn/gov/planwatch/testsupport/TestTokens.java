package cn.gov.planwatch.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A real token issuer for tests: an RSA key, its JWK set served over HTTP on loopback, and signed
 * JWTs with PlanWatch's claims — valid ones, expired ones, and ones from a foreign issuer and key.
 */
public final class TestTokens {

    /** The client that relays people's tokens: the gateway's login (see gateway application.yaml). */
    public static final String DASHBOARD_CLIENT = "planwatch-gateway";

    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer jwks;

    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens();
        }
        return shared;
    }

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("foreign-key").generate();
            jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jwks.start();
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        // OIDC discovery, as resource servers configured with an issuer-uri read it in production.
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\""
                + jwkSetUri() + "\",\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0)));
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        jwks.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** The issuer tokens name, answering OIDC discovery on loopback. */
    public String issuer() {
        return "http://localhost:" + jwks.getAddress().getPort();
    }

    public String jwkSetUri() {
        return "http://localhost:" + jwks.getAddress().getPort() + "/jwks";
    }

    /** A valid access token of a client acting for {@code agency} with {@code roles}. */
    public String token(String agency, String... roles) {
        return sign(key, issuer(), agency, List.of(roles), Instant.now().plus(Duration.ofMinutes(15)));
    }

    public String reporter(String agency) {
        return token(agency, "reporter");
    }

    public String lead() {
        return token("CNIPA", "lead");
    }

    public String operator() {
        return token("CNIPA", "operator");
    }

    /**
     * A valid access token of a person who logged in to the dashboard: the gateway's client relays it, and its
     * {@code sub} is the person's own, as the auth server's authorization code flow mints it.
     */
    public String person(String subject, String agency, String... roles) {
        return sign(key, issuer(), DASHBOARD_CLIENT, subject, agency, List.of(roles),
                Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** Signed by the right key, but expired a minute ago (beyond the validator's clock skew). */
    public String expired(String agency, String... roles) {
        return sign(key, issuer(), agency, List.of(roles), Instant.now().minus(Duration.ofMinutes(2)));
    }

    /** Well-formed and unexpired, but from another issuer with another key. */
    public String foreign(String agency, String... roles) {
        return sign(foreignKey, "http://elsewhere.example", agency, List.of(roles),
                Instant.now().plus(Duration.ofMinutes(15)));
    }

    private static String sign(RSAKey signingKey, String issuer, String agency, List<String> roles, Instant expiry) {
        // client_credentials: the client is its own subject
        String clientId = agency.toLowerCase() + "-" + (roles.isEmpty() ? "client" : roles.get(0));
        return sign(signingKey, issuer, clientId, clientId, agency, roles, expiry);
    }

    private static String sign(RSAKey signingKey, String issuer, String clientId, String subject, String agency,
            List<String> roles, Instant expiry) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience("planwatch")
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
                .notBeforeTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("agency", agency)
                .claim("roles", roles)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
