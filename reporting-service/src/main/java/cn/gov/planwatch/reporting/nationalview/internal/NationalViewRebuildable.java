package cn.gov.planwatch.reporting.nationalview.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.platform.eventlog.ProjectionBatches;
import cn.gov.planwatch.platform.rebuild.ProjectionTables;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.reporting.plan.PlansInForce;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/**
 * The national view — its facts and standings folded from the indicator, programme and quarterly update topics — is
 * rebuilt by the live projectors' own folds. Its tables are named in the order the folds write them: each fold its
 * facts, then its standing, and the freshness every fold touches last.
 */
@Configuration(proxyBeanMethods = false)
class NationalViewRebuildable {

    static final String NAME = "national-view";
    static final String SCHEMA = "reporting";
    static final List<String> TABLES = List.of("indicator_fact", "current_indicator_fact", "progress_fact",
            "current_progress_fact", "programme_standing", "quarterly_update_fact", "quarterly_update_state",
            "view_freshness");

    @Bean
    RebuildableProjection nationalViewProjection(JdbcClient jdbc, PlansInForce plans, Clock clock, JsonMapper json,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new RebuildableProjection(NAME, TABLES,
                List.of(Topics.INDICATOR_EVENTS, Topics.PROGRAMME_EVENTS, Topics.QUARTERLY_UPDATE_EVENTS), group,
                RebuildableProjection.events((event, tables) ->
                        fold(List.of(event), new NationalViewStore(jdbc, plans, clock, tables),
                                jdbc, plans, clock, json, tables)))
                // A batch of the log as the live projectors fold theirs: the reports of indicators together.
                .withBulkLoad((batch, fresh) -> fold(batch.stream().map(RebuildableProjection::decode).toList(),
                        new NationalViewStore(jdbc, plans, clock, fresh),
                        jdbc, plans, clock, json, fresh));
    }

    private static void fold(List<PlanEvent> events, NationalViewStore view, JdbcClient jdbc, PlansInForce plans,
            Clock clock, JsonMapper json, ProjectionTables tables) {
        view.foldAll(ProjectionBatches.only(ObservationReported.class, events));
        new ProgrammeProgressStore(jdbc, plans, view, clock, json, tables)
                .foldAll(ProjectionBatches.only(ProgressReported.class, events));
        for (PlanEvent event : events) {
            if (event instanceof QuarterlyUpdateEvent step) {
                new QuarterlyUpdateStore(jdbc, view, tables).fold(step);
            }
        }
    }
}
