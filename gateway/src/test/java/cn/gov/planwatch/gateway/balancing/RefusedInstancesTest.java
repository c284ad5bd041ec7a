package cn.gov.planwatch.gateway.balancing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedInstancesTest {

    private final ServiceInstance first = instance("indicator-service-1", 8081);
    private final ServiceInstance second = instance("indicator-service-2", 8091);
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final RefusedInstances refused = new RefusedInstances(Duration.ofSeconds(5), () -> now);

    @Test
    void anInstanceThatRefusedAConnectionIsPassedOverUntilTheHoldHasPassed() {
        refused.refused(first);

        assertThat(refused.passOver(List.of(first, second))).containsExactly(second);
        now = now.plusSeconds(4);
        assertThat(refused.passOver(List.of(first, second))).containsExactly(second);
        now = now.plusSeconds(2);
        assertThat(refused.passOver(List.of(first, second))).containsExactly(first, second);
    }

    @Test
    void whenEveryInstanceRefusedEachIsStillTriedRatherThanNone() {
        refused.refused(first);
        refused.refused(second);

        assertThat(refused.passOver(List.of(first, second))).containsExactly(first, second);
    }

    @Test
    void theSamePortOfAnotherServiceIsAnotherInstance() {
        refused.refused(first);

        ServiceInstance reporting = new DefaultServiceInstance("reporting-service-1", "reporting-service",
                "localhost", 8081, false);
        assertThat(refused.passOver(List.of(reporting))).containsExactly(reporting);
    }

    private static ServiceInstance instance(String id, int port) {
        return new DefaultServiceInstance(id, "indicator-service", "localhost", port, false);
    }
}
