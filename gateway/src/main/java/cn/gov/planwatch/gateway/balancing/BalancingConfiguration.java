package cn.gov.planwatch.gateway.balancing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Every {@code lb://<service>} route is balanced round-robin over that service's ready instances. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceLists.class)
class BalancingConfiguration {

    /** Shared by every service's load balancer and the retry filter: a refusal is seen by every request at once. */
    @Bean
    RefusedInstances refusedInstances(
            @Value("${planwatch.gateway.refused-instance-hold}") Duration hold) {
        return new RefusedInstances(hold, Clock.systemUTC());
    }
}
