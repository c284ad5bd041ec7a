package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * The observations read model is rebuilt from the indicator topic by the live projector's own fold; the bulk of the
 * log, into the fresh tables nothing else writes, a polled batch per statement as the live projector folds its batches.
 */
@Configuration(proxyBeanMethods = false)
class ObservationsRebuildable {

    static final String NAME = "observations";

    @Bean
    RebuildableProjection observationsProjection(JdbcClient jdbc,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new RebuildableProjection(NAME, List.of(JdbcObservationStore.TABLE, JdbcObservationStore.CURRENT),
                List.of(Topics.INDICATOR_EVENTS), group, RebuildableProjection.events((event, tables) -> {
                    if (event instanceof ObservationReported reported) {
                        new JdbcObservationStore(jdbc, tables).apply(reported);
                    }
                })).withBulkLoad((batch, fresh) -> new JdbcObservationStore(jdbc, fresh).applyAll(
                        ProjectionBatches.only(ObservationReported.class,
                                batch.stream().map(RebuildableProjection::decode).toList())));
    }
}
