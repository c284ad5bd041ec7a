package cn.gov.planwatch.platform.instance;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdEnvironmentPostProcessorTest {

    private final InstanceIdEnvironmentPostProcessor processor = new InstanceIdEnvironmentPostProcessor();

    @Test
    void anInstanceTheLauncherNamedKeepsItsName() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "indicator-service",
                "planwatch.instance-id", "indicator-service-2"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("planwatch.instance-id")).isEqualTo("indicator-service-2");
    }

    @Test
    void anUnnamedInstanceIsItsServiceAndOneRandomIdEveryReaderSees() {
        StandardEnvironment first = environment(Map.of("spring.application.name", "indicator-service",
                "planwatch.instance-id", ""));
        StandardEnvironment second = environment(Map.of("spring.application.name", "indicator-service"));

        processor.postProcessEnvironment(first, new SpringApplication());
        processor.postProcessEnvironment(second, new SpringApplication());

        String id = first.getProperty("planwatch.instance-id");
        assertThat(id).matches("indicator-service-[0-9a-f-]{36}");
        assertThat(first.getProperty("planwatch.instance-id")).isEqualTo(id);
        assertThat(second.getProperty("planwatch.instance-id")).startsWith("indicator-service-").isNotEqualTo(id);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("configuration", properties));
        return environment;
    }
}
