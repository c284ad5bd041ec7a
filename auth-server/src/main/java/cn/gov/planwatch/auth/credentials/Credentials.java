package cn.gov.planwatch.auth.credentials;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The clients and users the server knows, as read from (or written to) the clients file. */
public record Credentials(List<ClientEntry> clients, List<UserEntry> users) {

    /** The only roles the services understand; anything else in a file is a typo that would lock someone out. */
    public static final Set<String> ROLES = Set.of("reporter", "lead", "operator");

    public Credentials {
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        rejectDuplicates(clients.stream().map(ClientEntry::clientId).toList(), "clientId");
        rejectDuplicates(users.stream().map(UserEntry::username).toList(), "username");
    }

    /** These clients and users, then {@code more}'s after them. */
    public Credentials plus(Credentials more) {
        return new Credentials(Stream.concat(clients.stream(), more.clients().stream()).toList(),
                Stream.concat(users.stream(), more.users().stream()).toList());
    }

    public boolean isEmpty() {
        return clients.isEmpty() && users.isEmpty();
    }

    static void require(String value, String field, String owner) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("%s has no %s".formatted(owner, field));
        }
    }

    static List<String> checkedRoles(List<String> roles, String owner) {
        if (roles == null) {
            throw new IllegalArgumentException(owner + " has no roles (use [] for none)");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("%s has unknown role '%s' (known: %s)".formatted(owner, role, ROLES));
            }
        }
        return List.copyOf(roles);
    }

    private static void rejectDuplicates(List<String> names, String field) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate %s '%s'".formatted(field, name));
            }
        }
    }
}
