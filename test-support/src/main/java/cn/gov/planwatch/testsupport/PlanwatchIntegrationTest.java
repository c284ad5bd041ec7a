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
// No balancer watches a test's service, so its contexts close without draining first. The broker check may take
// longer than a probe's 2 s on a build machine busy with other suites: a slow answer there is not the service's.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planwatch.shutdown.drain-delay=0s", "planwatch.health.kafka.timeout=10s"})
@Import({RealInfrastructureConfiguration.class, TestTokensConfiguration.class})
public @interface PlanwatchIntegrationTest {
}
