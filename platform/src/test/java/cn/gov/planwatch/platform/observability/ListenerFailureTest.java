package cn.gov.planwatch.platform.observability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerFailureTest {

    @Test
    void aListenerContainerStoppedByAnErrorFailsTheServicesLivenessProbe() {
        try (GenericApplicationContext service = service()) {
            service.publishEvent(new ConsumerStoppedEvent("national-view-indicators-0", "national-view-indicators",
                    Reason.ERROR));

            assertThat(service.getBean(ApplicationAvailability.class).getLivenessState())
                    .isEqualTo(LivenessState.BROKEN);
        }
    }

    @Test
    void aListenerContainerStoppedForAnyOtherReasonLeavesTheServiceLive() {
        try (GenericApplicationContext service = service()) {
            for (Reason reason : Reason.values()) {
                if (reason != Reason.ERROR) {
                    service.publishEvent(new ConsumerStoppedEvent("national-view-indicators-0",
                            "national-view-indicators", reason));
                }
            }

            assertThat(service.getBean(ApplicationAvailability.class).getLivenessState())
                    .isEqualTo(LivenessState.CORRECT);
        }
    }

    private static GenericApplicationContext service() {
        GenericApplicationContext service = new GenericApplicationContext();
        service.registerBean(ApplicationAvailabilityBean.class);
        service.registerBean(ListenerFailure.class, () -> new ListenerFailure(service));
        service.refresh();
        AvailabilityChangeEvent.publish(service, LivenessState.CORRECT);
        return service;
    }
}
