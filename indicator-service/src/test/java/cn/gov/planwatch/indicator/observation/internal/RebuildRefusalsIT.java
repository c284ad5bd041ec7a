package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.rebuild.ProjectionRebuilds;
import cn.gov.planwatch.platform.rebuild.RebuildRunning;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild that cannot finish leaves the live read model as it was. To hold one at its swap, the test takes a lock
 * on the live table that the swap must wait for (as a long transaction of another session would).
 */
class RebuildRefusalsIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REBUILD = "/api/v1/ops/projections/observations/rebuild";
    private static final String STATUS = "/api/v1/ops/projections/observations";

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    @Qualifier("observationsProjection")
    RebuildableProjection observations;

    @Test
    void aSecondRebuildWhileOneRunsIsRefusedWithTheRunningOnesStatus() throws Exception {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        report(3);
        try (Connection holder = dataSource.getConnection()) {
            holdSwap(holder);
            HttpResponse<String> first = operator.post(REBUILD, "application/json", "");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            awaitSwapWaiting();

            HttpResponse<String> second = operator.post(REBUILD, "application/json", "");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
            JsonNode problem = JSON.readTree(second.body());
            assertThat(problem.get("type").asString()).endsWith("/rebuild-running");
            assertThat(problem.get("rebuild").get("state").asString()).isEqualTo("RUNNING");
            assertThat(problem.get("rebuild").get("startedAt").asString())
                    .isEqualTo(JSON.readTree(first.body()).get("startedAt").asString());
            JsonNode running = JSON.readTree(operator.get(STATUS).body());
            assertThat(running.get("state").asString()).isEqualTo("RUNNING");
            assertThat(running.get("startedByClient").asString()).isEqualTo("cnipa-operator");
            assertThat(running.get("replayed").asLong()).as("replayed before the swap").isPositive();

            // Another instance of the service (its own rebuilds, the same database) refuses too, and answers alike.
            ProjectionRebuilds otherInstance = new ProjectionRebuilds(List.of(observations), dataSource,
                    transactionManager, Clock.systemUTC(), "indicator", consumers.getConfigurationProperties());
            Caller operatorThere = new Caller("cnipa-operator", "CNIPA", Set.of(Caller.OPERATOR), null);
            assertThatThrownBy(() -> otherInstance.start("observations", operatorThere))
                    .isInstanceOfSatisfying(RebuildRunning.class, refusal -> assertThat(refusal.running().startedAt())
                            .hasToString(running.get("startedAt").asString()));
            assertThat(otherInstance.status("observations").state()).isEqualTo("RUNNING");
            holder.rollback();
        }
        JsonNode done = awaitFinished(operator);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SWAPPED");
        assertThat(done.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void aDatabaseFailureDuringTheRebuildEndsItFailedAndLeavesTheLiveModelAsItWas() throws Exception {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        report(3);
        List<Map<String, Object>> before;
        try (Connection holder = dataSource.getConnection()) {
            holdSwap(holder);
            before = CleanReplay.rows(jdbc, "indicator");
            assertThat(operator.post(REBUILD, "application/json", "").statusCode()).isEqualTo(202);
            awaitSwapWaiting();
            // The rebuild's connection to the database goes away in the middle of its work.
            assertThat(jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where application_name = 'planwatch-rebuild' and wait_event_type = 'Lock'")
                    .query(Long.class).single()).isEqualTo(1);
            JsonNode failed = awaitFinished(operator);
            assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).startsWith("The database failed");
            assertThat(CleanReplay.rows(jdbc, "indicator")).as("the live model").containsExactlyElementsOf(before);
            holder.rollback();
        }
        assertThat(jdbc.sql("select to_regclass('indicator.observation_rebuild') is null").query(Boolean.class)
                .single()).as("the fresh copy is dropped").isTrue();
        assertThat(operator.post(REBUILD, "application/json", "").statusCode())
                .as("a failed rebuild holds nothing: the next one may start").isEqualTo(202);
        assertThat(awaitFinished(operator).get("state").asString()).isEqualTo("SWAPPED");
    }

    private void report(int reports) {
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("CNIPA"));
        for (int i = 0; i < reports; i++) {
            assertThat(reporter.postJson("/api/v1/indicators/IND-03/observations",
                    "{\"period\":\"2021\",\"value\":" + (5100 + i) + "}").statusCode()).isEqualTo(202);
        }
    }

    /** Another session's lock on the live table: writers and the swap wait for it, readers do not. */
    private static void holdSwap(Connection holder) throws Exception {
        holder.setAutoCommit(false);
        try (Statement sql = holder.createStatement()) {
            sql.execute("lock table indicator.observation in share mode");
        }
    }

    private void awaitSwapWaiting() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from pg_stat_activity"
                + " where application_name = 'planwatch-rebuild' and wait_event_type = 'Lock'")
                .query(Long.class).single() == 1);
    }

    private static JsonNode awaitFinished(HttpCalls operator) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !JSON.readTree(operator.get(STATUS).body()).get("state").asString().equals("RUNNING"));
        return JSON.readTree(operator.get(STATUS).body());
    }
}
