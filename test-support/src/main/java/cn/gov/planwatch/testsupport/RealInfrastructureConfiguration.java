package cn.gov.planwatch.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.List;

/**
 * Import into a {@code @SpringBootTest} to connect it to {@link RealInfrastructure}: through
 * {@code @ServiceConnection} containers where Docker runs, through connection-details beans for the
 * embedded servers otherwise. The test class is the same either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructureConfiguration {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Containers {

        // Shared across test contexts: the JVM's shutdown stops them, not the first context to close.
        @Bean(destroyMethod = "")
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return RealInfrastructure.shared().kafkaContainer();
        }

        @Bean(destroyMethod = "")
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return RealInfrastructure.shared().postgresContainer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnEmbedded.class)
    static class EmbeddedServers {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return () -> List.of(RealInfrastructure.shared().kafkaBootstrapServers());
        }

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails() {
            RealInfrastructure infra = RealInfrastructure.shared();
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return infra.username();
                }

                @Override
                public String getPassword() {
                    return infra.password();
                }

                @Override
                public String getJdbcUrl() {
                    return infra.jdbcUrl();
                }
            };
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
