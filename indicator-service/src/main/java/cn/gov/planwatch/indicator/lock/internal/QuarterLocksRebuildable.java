package cn.gov.planwatch.indicator.lock.internal;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** The quarter locks are rebuilt from the quarterly update topic by the live projector's own fold. */
@Configuration(proxyBeanMethods = false)
class QuarterLocksRebuildable {

    static final String NAME = "quarter-locks";

    @Bean
    RebuildableProjection quarterLocksProjection(JdbcClient jdbc,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new RebuildableProjection(NAME, List.of(JdbcQuarterLocks.EVENTS, JdbcQuarterLocks.LOCKS),
                List.of(Topics.QUARTERLY_UPDATE_EVENTS), group, RebuildableProjection.events((event, tables) -> {
                    if (event instanceof QuarterlyUpdateEvent step) {
                        new JdbcQuarterLocks(jdbc, tables).apply(step);
                    }
                }));
    }
}
