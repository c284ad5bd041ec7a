package cn.gov.planwatch.auth.keys;

import cn.gov.planwatch.auth.credentials.OwnerOnlyFile;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The token signing key set, kept as a JWK set file with the private key. It survives restarts so that tokens
 * already handed out, and JWKs the resource servers have cached, stay valid.
 */
public final class SigningKeys {

    private static final Log log = LogFactory.getLog(SigningKeys.class);

    private SigningKeys() {
    }

    public static JWKSet loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        JWKSet keys = new JWKSet(generate());
        OwnerOnlyFile.write(file, keys.toString(false) + "\n");
        log.info("generated signing key %s in %s".formatted(keys.getKeys().get(0).getKeyID(), file));
        return keys;
    }

    public static JWKSet load(Path file) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Invalid JWK set in " + file + ": " + e.getMessage(), e);
        }
        if (keys.getKeys().stream().noneMatch(JWK::isPrivate)) {
            throw new IllegalStateException("JWK set in " + file + " holds no private key to sign with");
        }
        log.info("loaded signing keys %s from %s"
                .formatted(keys.getKeys().stream().map(JWK::getKeyID).toList(), file));
        return keys;
    }

    /** The key id is the RFC 7638 thumbprint: stable for the key's lifetime, and derived, not invented. */
    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }
}
