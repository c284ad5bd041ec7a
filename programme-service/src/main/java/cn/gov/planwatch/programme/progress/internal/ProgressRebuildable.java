package cn.gov.planwatch.programme.progress.internal;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Programme progress is rebuilt from the programme topic by the live projector's own fold; the bulk of the log a
 * polled batch per statement, as the live projector folds its batches.
 */
@Configuration(proxyBeanMethods = false)
class ProgressRebuildable {

    static final String NAME = "programme-progress";

    @Bean
    RebuildableProjection programmeProgressProjection(JdbcClient jdbc,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new RebuildableProjection(NAME, List.of(JdbcProgressStore.TABLE, JdbcProgressStore.CURRENT),
                List.of(Topics.PROGRAMME_EVENTS), group, RebuildableProjection.events((event, tables) -> {
                    if (event instanceof ProgressReported reported) {
                        new JdbcProgressStore(jdbc, tables).apply(reported);
                    }
                })).withBulkLoad((batch, fresh) -> new JdbcProgressStore(jdbc, fresh).applyAll(
                        ProjectionBatches.only(ProgressReported.class,
                                batch.stream().map(RebuildableProjection::decode).toList())));
    }
}
