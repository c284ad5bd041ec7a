package cn.gov.planwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.planwatch.auth.keys.SigningKeys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesAnRsaKeyOnceAndReusesIt() throws Exception {
        Path file = dir.resolve("auth").resolve("jwks.json");

        JWKSet first = SigningKeys.loadOrGenerate(file);
        JWKSet second = SigningKeys.loadOrGenerate(file);

        RSAKey key = (RSAKey) first.getKeys().get(0);
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(second.getKeys().get(0)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void refusesAKeySetWithoutPrivateKey() throws Exception {
        Path file = dir.resolve("public.json");
        Files.writeString(file, SigningKeys.loadOrGenerate(dir.resolve("full.json")).toPublicJWKSet().toString());

        assertThatThrownBy(() -> SigningKeys.load(file)).hasMessageContaining("no private key");
    }
}
