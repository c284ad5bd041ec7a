package cn.gov.planwatch.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances that refused a connection a moment ago. A refused connection means nothing listens there (an instance
 * killed or stopped): the readiness check takes it out within its interval, but until then every request the
 * round-robin hands it would be refused too, and a write retried that way can run out of attempts on the same dead
 * instance while another one is serving. So each is passed over for {@code hold} after its refusal, for every
 * request; if it answers again, it is back when that has passed.
 */
public final class RefusedInstances {

    private final Map<String, Instant> refusedAt = new ConcurrentHashMap<>();
    private final Duration hold;
    private final InstantSource clock;

    public RefusedInstances(Duration hold, InstantSource clock) {
        this.hold = hold;
        this.clock = clock;
    }

    void refused(ServiceInstance instance) {
        refusedAt.put(key(instance), clock.instant());
    }

    /** The instances that have not refused a connection within the hold; all of them if every one has. */
    List<ServiceInstance> passOver(List<ServiceInstance> instances) {
        if (refusedAt.isEmpty()) {
            return instances;
        }
        Instant since = clock.instant().minus(hold);
        refusedAt.values().removeIf(at -> at.isBefore(since));
        List<ServiceInstance> answering = instances.stream()
                .filter(instance -> !refusedAt.containsKey(key(instance))).toList();
        return answering.isEmpty() ? instances : answering;
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + " " + instance.getUri();
    }
}
