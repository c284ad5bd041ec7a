package cn.gov.planwatch.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The instances of a service whose readiness answers, or all of them when none does. An instance that is draining,
 * or whose own database connection broke, is left out while another can answer; but when every instance is unready
 * together (the broker is down, say), each still serves what it can — reads from its read model, a 503 problem of its
 * own for a write — rather than the gateway refusing everything in their place. An instance that has just refused a
 * connection is passed over meanwhile ({@link RefusedInstances}).
 */
final class HealthyInstancesOrAll extends DelegatingServiceInstanceListSupplier {

    private final ServiceInstanceListSupplier healthy;
    private final RefusedInstances refused;

    HealthyInstancesOrAll(ServiceInstanceListSupplier all, ServiceInstanceListSupplier healthy,
                          RefusedInstances refused) {
        super(all);
        this.healthy = healthy;
        this.refused = refused;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.combineLatest(healthy.get(), getDelegate().get(),
                (ready, all) -> refused.passOver(ready.isEmpty() ? all : ready));
    }

    /** Starts the periodic readiness checks once, instead of one round per request. */
    @Override
    public void afterPropertiesSet() throws Exception {
        super.afterPropertiesSet();
        if (healthy instanceof DelegatingServiceInstanceListSupplier checks) {
            checks.afterPropertiesSet();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (healthy instanceof DelegatingServiceInstanceListSupplier checks) {
            checks.destroy();
        }
        super.destroy();
    }
}
