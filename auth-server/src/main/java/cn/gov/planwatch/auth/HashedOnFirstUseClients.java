package cn.gov.planwatch.auth;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The clients of the clients file, each registered (its secret hashed) when first looked up. */
class HashedOnFirstUseClients implements RegisteredClientRepository {

    private final HashedOnFirstUse<ClientEntry, RegisteredClient> clients;

    HashedOnFirstUseClients(List<ClientEntry> entries, RegisteredClients registrations) {
        this.clients = new HashedOnFirstUse<>(
                entries.stream().collect(Collectors.toMap(ClientEntry::clientId, Function.identity())),
                registrations::from);
    }

    /** A client added to the clients file while running: it can get tokens at once. */
    void register(ClientEntry entry) {
        clients.add(entry.clientId(), entry);
    }

    @Override
    public void save(RegisteredClient client) {
        clients.put(client.getClientId(), client);
    }

    /** Registrations from the file have their client id as id. */
    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient byClientId = clients.get(id);
        if (byClientId != null && byClientId.getId().equals(id)) {
            return byClientId;
        }
        for (RegisteredClient client : clients.made()) {
            if (client.getId().equals(id)) {
                return client;
            }
        }
        return null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.get(clientId);
    }
}
