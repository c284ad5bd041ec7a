package cn.gov.planwatch.gateway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One gateway instance of a deployment of several, started as its own application context on a free port, in front
 * of {@link ServiceStandIn}, trusting {@link TestIssuer}, with its dashboard login on and its shared state in the
 * given Redis.
 */
final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    GatewayInstance(TestRedis redis, String... properties) {
        TestIssuer issuer = TestIssuer.shared();
        ServiceStandIn services = ServiceStandIn.shared();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.client.provider.planwatch.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.client.registration.planwatch.client-secret=test-secret",
                "--planwatch.services.indicator-service=" + services.url(),
                "--planwatch.services.programme-service=" + services.url(),
                "--planwatch.services.reporting-service=" + services.url(),
                "--spring.data.redis.port=" + redis.port()));
        for (String property : properties) {
            // A property given here replaces the default above: the same one given twice would be read as a list.
            String key = "--" + property.substring(0, property.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(key));
            arguments.add("--" + property);
        }
        context = new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(GatewayInstance::ownNettyResources)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Netty event loops of its own: closing an instance disposes them, where closing one on the global loops would
     * dispose the loops of every other gateway in this JVM (the test contexts Spring keeps).
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        });
    }

    String url() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
