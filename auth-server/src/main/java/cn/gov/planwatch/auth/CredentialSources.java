package cn.gov.planwatch.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the clients file and the signing key set live, and whether they may be generated. Outside profile
 * {@code prod} both default into the data directory and are generated on first start; in {@code prod} both must
 * be supplied, because generated development credentials must never silently become production ones.
 */
public record CredentialSources(Path clientsFile, Path jwksFile, boolean generateWhenMissing) {

    public static final String PROD_PROFILE = "prod";

    public static CredentialSources resolve(AuthProperties properties, Path dataDir, boolean prod) {
        if (!prod) {
            return new CredentialSources(
                    orDefault(properties.clientsFile(), dataDir.resolve("dev-clients.json")),
                    orDefault(properties.jwksFile(), dataDir.resolve("auth").resolve("jwks.json")),
                    true);
        }
        List<String> problems = new ArrayList<>();
        check("planwatch.auth.clients-file", "PLANWATCH_AUTH_CLIENTS_FILE", "a clients JSON file",
                properties.clientsFile(), problems);
        check("planwatch.auth.jwks-file", "PLANWATCH_AUTH_JWKS_FILE", "a JWK set with the private signing key",
                properties.jwksFile(), problems);
        if (!problems.isEmpty()) {
            throw new MissingProductionCredentialsException(problems);
        }
        return new CredentialSources(properties.clientsFile(), properties.jwksFile(), false);
    }

    private static void check(String setting, String env, String what, Path file, List<String> problems) {
        if (file == null) {
            problems.add("%s (env %s) is not set; it must point to %s".formatted(setting, env, what));
        } else if (!Files.isRegularFile(file)) {
            problems.add("%s points to %s, which does not exist; it must point to %s"
                    .formatted(setting, file.toAbsolutePath(), what));
        }
    }

    private static Path orDefault(Path configured, Path fallback) {
        return configured != null ? configured : fallback;
    }
}
