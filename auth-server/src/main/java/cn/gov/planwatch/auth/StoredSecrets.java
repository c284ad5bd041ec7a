package cn.gov.planwatch.auth;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets and passwords for memory as {@code {bcrypt}…}. Cost 8, not 10: some forty entries are
 * hashed at every start (about 0.5 s of CPU at cost 8, four times that at 10), and the generated values are long
 * random strings that no cost factor makes easier or harder to guess. A value already in {@code {id}…} form (an
 * externally supplied file may carry hashes instead of secrets) is kept as it is.
 */
class StoredSecrets {

    static final int BCRYPT_COST = 8;

    private static final Pattern ALREADY_ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

    private final PasswordEncoder encoder;

    StoredSecrets(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The encoder for matching as well as hashing. Its bcrypt has the same cost as the stored hashes: with Spring's
     * default encoder (cost 10) every successful login or token request would "upgrade" the hash at cost 10, and
     * every later one would verify at that cost.
     */
    static PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
    }

    String encode(String raw) {
        return ALREADY_ENCODED.matcher(raw).matches() ? raw : encoder.encode(raw);
    }
}
