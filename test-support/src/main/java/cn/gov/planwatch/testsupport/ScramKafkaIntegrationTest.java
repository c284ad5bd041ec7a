package cn.gov.planwatch.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service started for real on a random port as docker-compose.yml runs it: profile kafka-scram, on the broker of
 * {@link ScramKafkaConfiguration} (SASL/SCRAM and the compose ACLs) and the PostgreSQL of {@link RealInfrastructure}.
 * The test class names its Kafka user with a {@code @DynamicPropertySource} that calls
 * {@link ScramKafkaConfiguration#logInAs}. The context closes after the class, and its broker with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RealInfrastructureConfiguration.class, TestTokensConfiguration.class, ScramKafkaConfiguration.class})
@ActiveProfiles("kafka-scram")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ScramKafkaIntegrationTest {
}
