package cn.gov.planwatch.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://<service>} route is balanced round-robin over that service's ready instances. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceLists.class)
class BalancingConfiguration {
}
