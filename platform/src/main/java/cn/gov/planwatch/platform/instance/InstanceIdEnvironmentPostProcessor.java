package cn.gov.planwatch.platform.instance;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.UUID;

/**
 * {@code planwatch.instance-id}: which instance of its service this process is, unique among all running at once
 * (e.g. for Kafka transactional ids). The launcher gives each instance its own ({@code PLANWATCH_INSTANCE},
 * {@code indicator-service-1}); elsewhere it is the service's name and a random UUID, drawn once per process so that
 * every reader sees the same one.
 */
public class InstanceIdEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "planwatch.instance-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            String service = environment.getProperty("spring.application.name", "planwatch");
            environment.getPropertySources().addFirst(new MapPropertySource("planwatch-instance-id",
                    Map.of(PROPERTY, service + "-" + UUID.randomUUID())));
        }
    }

    /** After the configuration files are read (they name the service and may set the id). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
