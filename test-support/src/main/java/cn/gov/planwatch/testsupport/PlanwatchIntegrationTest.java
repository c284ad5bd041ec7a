package cn.gov.planwatch.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service started for real on a random port, connected to the real Kafka broker and PostgreSQL
 * server of {@link RealInfrastructure}, accepting tokens from {@link TestTokens}. Inherited, so that a test extending
 * {@link ServiceFixture} is one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// No balancer watches a test's service, so its contexts close without draining first.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "planwatch.shutdown.drain-delay=0s")
@Import({RealInfrastructureConfiguration.class, TestTokensConfiguration.class})
public @interface PlanwatchIntegrationTest {
}
