package cn.gov.planwatch.auth;

import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.auth.credentials.DevelopmentClients;
import cn.gov.planwatch.auth.keys.SigningKeys;
import cn.gov.planwatch.auth.token.PlanwatchTokenClaims;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Clients, people, signing keys and token claims, all from the clients file and the key set file. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final Log log = LogFactory.getLog(AuthorizationServerConfiguration.class);

    @Bean
    CredentialSources credentialSources(AuthProperties properties, Environment environment,
            @Value("${planwatch.data-dir:./.data}") Path dataDir) {
        boolean prod = environment.acceptsProfiles(Profiles.of(CredentialSources.PROD_PROFILE));
        return CredentialSources.resolve(properties, dataDir, prod);
    }

    @Bean
    Credentials credentials(CredentialSources sources, PlanCatalogue catalogue) {
        Credentials credentials;
        if (sources.generateWhenMissing()) {
            credentials = new DevelopmentClients(catalogue).loadOrGenerate(sources.clientsFile());
        } else {
            credentials = CredentialsFile.read(sources.clientsFile());
            log.info("loaded %d clients from %s".formatted(credentials.clients().size(), sources.clientsFile()));
        }
        // Agencies beyond the shipped plan's are no mistake: plans published later name them.
        return credentials;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(CredentialSources sources) {
        JWKSet keys = sources.generateWhenMissing()
                ? SigningKeys.loadOrGenerate(sources.jwksFile())
                : SigningKeys.load(sources.jwksFile());
        return new ImmutableJWKSet<>(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return StoredSecrets.passwordEncoder();
    }

    @Bean
    StoredSecrets storedSecrets(PasswordEncoder passwordEncoder) {
        return new StoredSecrets(passwordEncoder);
    }

    @Bean
    HashedOnFirstUseClients registeredClientRepository(Credentials credentials, AuthProperties properties,
            StoredSecrets secrets) {
        return new HashedOnFirstUseClients(credentials.clients(), new RegisteredClients(properties, secrets));
    }

    @Bean
    HashedOnFirstUseUsers userDetailsService(Credentials credentials, StoredSecrets secrets) {
        return new HashedOnFirstUseUsers(credentials.users(), secrets);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> planwatchTokenClaims(HashedOnFirstUseUsers users) {
        return new PlanwatchTokenClaims(users::entry);
    }

    @Bean
    AgencyClients agencyClients(CredentialSources sources, Credentials credentials, PlanCatalogue catalogue,
            HashedOnFirstUseClients clients, HashedOnFirstUseUsers users) {
        return new AgencyClients(sources, credentials, new DevelopmentClients(catalogue), clients, users);
    }
}
