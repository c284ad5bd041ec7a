package cn.gov.planwatch.auth;

import cn.gov.planwatch.auth.credentials.UserEntry;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people of the clients file, each password hashed when the person first logs in; a hash re-made at a higher
 * cost on use replaces the old one.
 */
class HashedOnFirstUseUsers implements UserDetailsService, UserDetailsPasswordService {

    private final HashedOnFirstUse<UserEntry, UserDetails> people;

    HashedOnFirstUseUsers(List<UserEntry> entries, StoredSecrets secrets) {
        this.people = new HashedOnFirstUse<>(
                entries.stream().collect(Collectors.toMap(UserEntry::username, Function.identity())),
                user -> User.withUsername(user.username())
                        .password(secrets.encode(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build());
    }

    /** A person added to the clients file while running: they can log in at once. */
    void register(UserEntry entry) {
        people.add(entry.username(), entry);
    }

    /** The person's record as read from the file (agency and roles for their tokens), or null. */
    UserEntry entry(String username) {
        return people.entry(username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails person = people.get(username);
        if (person == null) {
            throw new UsernameNotFoundException(username);
        }
        // a copy: authentication erases the credentials of what it is given
        return User.withUserDetails(person).build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        UserDetails updated = User.withUserDetails(user).password(newPassword).build();
        people.put(user.getUsername(), updated);
        return updated;
    }
}
