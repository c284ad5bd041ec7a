package cn.gov.planwatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code dev-clients.json}, which the auth server writes on its first start (a JSON array of clients). */
final class DevelopmentClients {

    static final String FILE = "dev-clients.json";

    static Optional<String> secretOf(Path dataDir, String clientId) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            for (JsonNode entry : new ObjectMapper().readTree(file.toFile())) {
                if (clientId.equals(entry.path("clientId").asText(null))) {
                    return Optional.ofNullable(entry.path("clientSecret").asText(null));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private DevelopmentClients() {
    }
}
