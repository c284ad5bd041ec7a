package cn.gov.planwatch.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code planwatch.auth}.
 *
 * @param issuer                        the {@code iss} of every token; resource servers discover keys from it
 * @param accessTokenTtl                lifetime of access tokens
 * @param gatewayRedirectUris           where the gateway's login (backend-for-frontend) may receive codes
 * @param gatewayPostLogoutRedirectUris where the gateway may send people after logout
 * @param clientsFile                   clients and users; required with profile {@code prod}, else
 *                                      {@code <data-dir>/dev-clients.json}, generated when missing
 * @param jwksFile                      the signing key set; required with profile {@code prod}, else
 *                                      {@code <data-dir>/auth/jwks.json}, generated when missing
 */
@ConfigurationProperties("planwatch.auth")
public record AuthProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("http://localhost:8080/login/oauth2/code/planwatch") List<String> gatewayRedirectUris,
        @DefaultValue("http://localhost:8080/") List<String> gatewayPostLogoutRedirectUris,
        Path clientsFile,
        Path jwksFile) {
}
