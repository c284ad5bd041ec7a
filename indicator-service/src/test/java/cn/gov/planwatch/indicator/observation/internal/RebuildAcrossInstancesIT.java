package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service project the indicator topic in one consumer group — this one's listener and a second
 * listener container, as another instance runs it, sharing the database and the group — while reports keep arriving
 * and an operator rebuilds the observations. The swap holds both projectors: afterwards every accepted report is in
 * the read model exactly once, and the model equals a clean replay of the log.
 */
class RebuildAcrossInstancesIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "ip-2026-2030-instances";

    @Autowired
    ConcurrentKafkaListenerContainerFactory<Object, Object> listenerFactory;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ObservationProjector projector;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void twoLiveProjectorsInOneGroupLoseNothingWhileTheRebuildSwaps() throws Exception {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("CNIPA"));
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        publishPlanAs(PLAN, TestPlans.secondPlanYaml());
        // One consumer in each instance (the service runs one per partition), so that the group's partitions are
        // shared between the two instances rather than among one instance's consumers.
        var firstInstance = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(
                ObservationProjector.LISTENER);
        int consumers = firstInstance.getConcurrency();
        firstInstance.stop();
        firstInstance.setConcurrency(1);
        firstInstance.start();
        ConcurrentMessageListenerContainer<Object, Object> secondInstance =
                listenerFactory.createContainer(Topics.INDICATOR_EVENTS);
        secondInstance.getContainerProperties().setGroupId(group);
        secondInstance.getContainerProperties().setMessageListener((MessageListener<Object, Object>)
                record -> transactions.executeWithoutResult(tx -> projector.fold(List.of((PlanEvent) record.value()))));
        secondInstance.setBeanName("second-instance-observations");
        secondInstance.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !secondInstance.getAssignedPartitions().isEmpty()
                    && !firstInstance.getAssignedPartitions().isEmpty());

            Set<UUID> accepted = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            // Three indicators (the partition key), so that the reports fall into the partitions of both instances;
            // two of them in a plan of this test's own, so that no other test's latest values change.
            List<HttpCalls> reporters = List.of(reporter, reporter,
                    http().withToken(TestTokens.shared().reporter("CAC")));
            List<String> paths = List.of("/api/v1/indicators/IND-03/observations",
                    "/api/v1/plans/" + PLAN + "/indicators/IND-01/observations",
                    "/api/v1/plans/" + PLAN + "/indicators/IND-02/observations");
            List<String> periods = List.of("2021", "2026", "2026-Q3");
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    HttpResponse<String> r = reporters.get(i % 3).postJson(paths.get(i % 3),
                            "{\"period\":\"" + periods.get(i % 3) + "\",\"value\":" + (4000 + i) + "}");
                    if (r.statusCode() == 202) {
                        accepted.add(UUID.fromString(JSON.readTree(r.body()).get("eventId").asString()));
                    } else {
                        failures.add(r.statusCode() + " " + r.body());
                    }
                }
            });
            writer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 30);

            HttpResponse<String> started = operator.post("/api/v1/ops/projections/observations/rebuild",
                    "application/json", "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                    !state(operator).equals("RUNNING"));
            JsonNode status = JSON.readTree(operator.get("/api/v1/ops/projections/observations").body());
            int acceptedAtSwap = accepted.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedAtSwap + 30);
            writing.set(false);
            writer.join();

            assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SWAPPED");
            assertThat(failures).as("reports refused while the rebuild ran").isEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from indicator.observation where event_id = any(?)")
                    .params((Object) accepted.toArray(UUID[]::new)).query(Long.class).single() == accepted.size());
            assertThat(jdbc.sql("select count(*) - count(distinct event_id) from indicator.observation")
                    .query(Long.class).single()).as("reports in the read model twice").isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> CleanReplay.rows(jdbc, "indicator").size()
                    == CleanReplay.distinctEvents(bootstrap));
            String clean = CleanReplay.intoFreshSchema(bootstrap, dataSource, jdbc, transactions);
            List<Map<String, Object>> live = CleanReplay.rows(jdbc, "indicator");
            assertThat(live).containsExactlyElementsOf(CleanReplay.rows(jdbc, clean));
            System.out.printf("[rebuild across instances] %d reports accepted, %d of them before the swap%n",
                    accepted.size(), acceptedAtSwap);
        } finally {
            secondInstance.stop();
            firstInstance.stop();
            firstInstance.setConcurrency(consumers);
            firstInstance.start();
        }
    }

    private static String state(HttpCalls operator) {
        return JSON.readTree(operator.get("/api/v1/ops/projections/observations").body()).get("state").asString();
    }

}
