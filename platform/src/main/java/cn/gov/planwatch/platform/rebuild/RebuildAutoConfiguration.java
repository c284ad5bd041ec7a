package cn.gov.planwatch.platform.rebuild;

import cn.gov.planwatch.platform.caller.CallerResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * A service that declares a {@link RebuildableProjection} bean gets its rebuild and the operators' API for it. Its
 * schema keeps the rebuilds' status in a {@code projection_rebuild} table (the platform's repeatable migration).
 */
@AutoConfiguration
@ConditionalOnBean(RebuildableProjection.class)
public class RebuildAutoConfiguration {

    @Bean
    ProjectionRebuilds projectionRebuilds(List<RebuildableProjection> projections, DataSource dataSource,
            PlatformTransactionManager transactions, Clock clock, ConsumerFactory<?, ?> consumers,
            @Value("${spring.flyway.default-schema}") String schema) {
        // Spring's own client settings (broker, security), so that the replay connects as the service does.
        return new ProjectionRebuilds(projections, dataSource, transactions, clock, schema,
                consumers.getConfigurationProperties());
    }

    @Bean
    ProjectionRebuildController projectionRebuildController(ProjectionRebuilds rebuilds, CallerResolver callers) {
        return new ProjectionRebuildController(rebuilds, callers);
    }

    @Bean
    ProjectionRebuildPaths projectionRebuildPaths(ProjectionRebuilds rebuilds) {
        return new ProjectionRebuildPaths(rebuilds.names());
    }
}
