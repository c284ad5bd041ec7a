package cn.gov.planwatch.auth;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets and passwords for memory as {@code {bcrypt}…} at cost 12, so that a leaked copy of hashes
 * (a production clients file that holds hashes only) is slow to guess from, people's passwords above all. A value already in
 * {@code {id}…} form (an externally supplied file may carry hashes instead of secrets) is kept as it is; a bcrypt
 * hash of a lower cost is re-hashed at cost 12 the first time its secret is presented, by the token endpoint and the
 * login form alike (Spring's upgrade on use). Secrets read in clear are hashed on first use, not at start
 * ({@link HashedOnFirstUse}). Each check costs a quarter to half a second of CPU, which is why
 * failed ones are throttled per address before they reach the encoder.
 */
class StoredSecrets {

    static final int BCRYPT_COST = 12;

    private static final Pattern ALREADY_ENCODED = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

    private final PasswordEncoder encoder;

    StoredSecrets(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The encoder for matching as well as hashing, with the same cost as the hashes it makes: a hash of any other
     * cost is re-hashed on its next successful use (with Spring's default encoder, cost 10, every hash made here
     * would be "upgraded" down to 10).
     */
    static PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
    }

    String encode(String raw) {
        return ALREADY_ENCODED.matcher(raw).matches() ? raw : encoder.encode(raw);
    }
}
