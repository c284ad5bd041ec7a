package cn.gov.planwatch.auth.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients file: a JSON array of client objects, then one last object {@code {"users": [...]}}. Clients stay
 * plain array elements so that {@code jq '.[] | select(.agency=="CNIPA")'} style reads keep working.
 */
public final class CredentialsFile {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CredentialsFile() {
    }

    public static Credentials read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (!root.isArray()) {
                throw new IllegalArgumentException("expected a JSON array");
            }
            List<ClientEntry> clients = new ArrayList<>();
            List<UserEntry> users = new ArrayList<>();
            for (JsonNode element : root) {
                if (element.has("users")) {
                    for (JsonNode user : element.get("users")) {
                        users.add(JSON.treeToValue(user, UserEntry.class));
                    }
                } else {
                    clients.add(JSON.treeToValue(element, ClientEntry.class));
                }
            }
            return new Credentials(clients, users);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read clients file " + file, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("Invalid clients file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, Credentials credentials) {
        List<Object> elements = new ArrayList<>(credentials.clients());
        elements.add(Map.of("users", credentials.users()));
        OwnerOnlyFile.write(file, JSON.writeValueAsString(elements) + "\n");
    }
}
