package cn.gov.planwatch.gateway.balancing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Each service's instances, in the load balancer's own context per service: those configured
 * ({@code spring.cloud.discovery.client.simple.instances.<service>}), narrowed to the ready ones by the periodic
 * readiness check ({@code spring.cloud.loadbalancer.health-check.*}). Not a {@code @Configuration}: the main context
 * must not pick it up, only the load balancer's.
 */
class InstanceLists {

    @Bean
    ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context, RefusedInstances refused) {
        return new HealthyInstancesOrAll(
                ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context),
                ServiceInstanceListSupplier.builder().withDiscoveryClient()
                        // A plain client: each check is bounded by the check interval, and carries no token.
                        .withHealthChecks(WebClient.create()).build(context),
                refused);
    }
}
