package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The record of dead letters is rebuilt from the dead-letter topics by the recorder's own fold. Whether an operator
 * replayed a dead letter, and who, is not in those topics: the rebuild keeps it from the live table.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettersRebuildable {

    static final String NAME = "dead-letters";

    @Bean
    RebuildableProjection deadLettersProjection(JdbcClient jdbc, JsonMapper json,
            @Value(DeadLetterRecorder.GROUP_SETTING) String group) {
        return new RebuildableProjection(NAME, DeadLetterStore.TABLES, List.of(StreamTopics.deadLetterTopics()),
                group, (record, tables) -> new DeadLetterStore(jdbc, json, tables).record(DeadLetter.from(record)))
                .withCarryOver((live, fresh) -> jdbc.sql("update " + fresh.of("dead_letter") + " f set state = l.state,"
                        + " replayed_at = l.replayed_at, replayed_by = l.replayed_by from " + live.of("dead_letter")
                        + " l where f.id = l.id and l.state <> f.state").update());
    }
}
