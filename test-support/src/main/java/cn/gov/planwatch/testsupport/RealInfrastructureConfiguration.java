package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.kafka.KafkaContainer;

import java.util.List;

/**
 * Import into a {@code @SpringBootTest} to connect it to {@link RealInfrastructure}: Kafka through a
 * {@code @ServiceConnection} container where Docker runs, through a connection-details bean for the
 * embedded broker otherwise. PostgreSQL either way as the service's own role ({@link ServiceDatabaseRole},
 * by {@code spring.application.name}), never as the superuser, so a query into another service's schema
 * fails in a test as it would in production. The test class is the same either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructureConfiguration {

    /** Names a database of the test's own on the shared server (see {@link RealInfrastructure#jdbcUrlOfOwnDatabase}). */
    public static final String OWN_DATABASE = "planwatch.test.own-database";

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(Environment environment) {
        RealInfrastructure infra = RealInfrastructure.shared();
        String service = environment.getProperty("spring.application.name", "");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return login().username();
            }

            @Override
            public String getPassword() {
                return login().password();
            }

            @Override
            public String getJdbcUrl() {
                String own = environment.getProperty(OWN_DATABASE);
                return own == null ? infra.jdbcUrl() : infra.jdbcUrlOfOwnDatabase(own);
            }

            /** Asked only by a service that has a database. */
            private RealInfrastructure.DatabaseLogin login() {
                return infra.loginOf(ServiceDatabaseRole.of(service).orElseThrow(() -> new IllegalStateException(
                        "no database role for spring.application.name '" + service + "'")));
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Containers {

        // Shared across test contexts: the JVM's shutdown stops it, not the first context to close.
        @Bean(destroyMethod = "")
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return RealInfrastructure.shared().kafkaContainer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnEmbedded.class)
    static class EmbeddedServers {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return () -> List.of(RealInfrastructure.shared().kafkaBootstrapServers());
        }
    }

    static class OnDocker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return RealInfrastructure.shared().kind() == RealInfrastructure.Kind.DOCKER;
        }
    }

    static class OnEmbedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return RealInfrastructure.shared().kind() == RealInfrastructure.Kind.EMBEDDED;
        }
    }
}
