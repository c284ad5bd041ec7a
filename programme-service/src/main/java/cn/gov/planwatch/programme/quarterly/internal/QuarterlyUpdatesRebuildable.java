package cn.gov.planwatch.programme.quarterly.internal;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The quarterly-update ledger is rebuilt from the quarterly update topic by the projector's own fold. Its tables are
 * named in the order a step writes them (the quarter's row, locked first, then the step).
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyUpdatesRebuildable {

    static final String NAME = "quarterly-updates";

    @Bean
    RebuildableProjection quarterlyUpdatesProjection(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new RebuildableProjection(NAME,
                List.of(JdbcQuarterlyUpdateLedger.UPDATES, JdbcQuarterlyUpdateLedger.EVENTS),
                List.of(Topics.QUARTERLY_UPDATE_EVENTS), group, RebuildableProjection.events((event, tables) -> {
                    if (event instanceof QuarterlyUpdateEvent step) {
                        new JdbcQuarterlyUpdateLedger(jdbc, transactions, tables).record(step);
                    }
                }));
    }
}
