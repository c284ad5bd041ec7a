package cn.gov.planwatch.platform.observability;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Is the broker reachable: {@code describeCluster} with a short timeout. Boot has no Kafka health indicator
 * of its own. One admin client is kept for the life of the service, so a probe opens no new connection.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "planwatch-health");
        // A probe must answer before the orchestrator's own timeout, broker or not.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        long millis = timeout.toMillis();
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from the broker within " + timeout).build();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
