package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestPlans;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator rebuilds the observations read model from offset 0 while reports keep arriving and
 * readers keep reading: no read fails, and the swapped-in model equals a clean replay of the log. The log holds the
 * reports of several plans, the same indicator and period in two of them: each plan's revisions are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservationRebuildIT extends IndicatorServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @Order(1)
    void aRebuildUnderConcurrentWritesEndsEqualToACleanReplayAndReadsNeverFail() throws Exception {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        HttpCalls base = http();
        HttpCalls reporter = base.withToken(TestTokens.shared().reporter("CNIPA"));
        HttpCalls operator = base.withToken(TestTokens.shared().operator());
        List<String> plans = List.of("ip-2026-2030-north", "ip-2026-2030-south");
        for (String plan : plans) {
            publishPlanAs(plan, TestPlans.secondPlanYaml());
        }
        for (int i = 0; i < 6; i++) {
            assertThat(reporter.postJson("/api/v1/plans/" + plans.get(i % 2) + "/indicators/IND-01/observations",
                    "{\"period\":\"2026\",\"value\":" + (15 + i) + "}").statusCode()).isEqualTo(202);
        }
        for (int i = 0; i < 60; i++) {
            assertThat(reporter.postJson("/api/v1/indicators/IND-03/observations",
                    "{\"period\":\"" + (2021 + i % 3) + "\",\"value\":" + (2200 + i) + "}").statusCode()).isEqualTo(202);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (running.get()) {
                HttpResponse<String> r = reporter.postJson("/api/v1/indicators/IND-03/observations",
                        "{\"period\":\"2023\",\"value\":" + (2500 + writes.incrementAndGet()) + "}");
                if (r.statusCode() != 202) {
                    failedReads.add("write " + r.statusCode() + " " + r.body());
                }
            }
        });
        Thread reader = new Thread(() -> {
            while (running.get()) {
                HttpResponse<String> r = reporter.get("/api/v1/indicators/IND-03/observations");
                reads.incrementAndGet();
                if (r.statusCode() != 200) {
                    failedReads.add("read " + r.statusCode() + " " + r.body());
                }
            }
        });
        writer.start();
        reader.start();

        HttpResponse<String> started = operator.post("/api/v1/ops/projections/observations/rebuild",
                "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(operator.post("/api/v1/ops/projections/observations/rebuild", "application/json", "")
                .statusCode()).as("a second rebuild while one runs").isIn(202, 409);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                JSON.readTree(operator.get("/api/v1/ops/projections/observations").body()).get("state").asString()
                        .equals("SWAPPED"));
        JsonNode status = JSON.readTree(operator.get("/api/v1/ops/projections/observations").body());
        running.set(false);
        writer.join();
        reader.join();

        assertThat(failedReads).as("failed requests during the rebuild").isEmpty();
        assertThat(reads.get()).as("reads during the rebuild").isPositive();
        assertThat(status.get("replayed").asLong()).isPositive();
        assertThat(reporter.withToken(TestTokens.shared().reporter("CNIPA"))
                .post("/api/v1/ops/projections/observations/rebuild", "application/json", "").statusCode())
                .as("reporters may not rebuild").isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).until(() -> CleanReplay.rows(jdbc, "indicator").size()
                == CleanReplay.distinctEvents(bootstrap));
        String clean = CleanReplay.intoFreshSchema(bootstrap, dataSource, jdbc, transactions);
        List<Map<String, Object>> live = CleanReplay.rows(jdbc, "indicator");
        assertThat(live).containsExactlyElementsOf(CleanReplay.rows(jdbc, clean));
        for (String plan : plans) {
            assertThat(jdbc.sql("select revision from indicator.observation where plan = ? and indicator = 'IND-01'"
                    + " order by revision").params(plan).query(Integer.class).list()).as(plan).containsExactly(1, 2, 3);
        }
        System.out.printf("[rebuild] %d events applied, %d skipped, %d reads and %d writes during it%n",
                status.get("replayed").asLong(), status.get("skippedDeadLettered").asLong(), reads.get(), writes.get());
    }

    @Test
    @Order(2)
    void aRecordDeliveredTwiceInTheLogIsFoldedOnceAndTheRevisionsStayThoseOfACleanReplay() throws Exception {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("CNIPA"));
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        for (int i = 0; i < 5; i++) {
            assertThat(reporter.postJson("/api/v1/indicators/IND-03/observations",
                    "{\"period\":\"2022\",\"value\":" + (3100 + i) + "}").statusCode()).isEqualTo(202);
        }
        // The second report of 2022 again, byte for byte (a producer's retry after a lost acknowledgement), after
        // the fifth: a rebuild that counted it would number every later revision one too high.
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATOR_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> reports = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains("\"value\":3101")) {
                        reports.add(r);
                    }
                });
            }
            assertThat(reports).hasSize(1);
            ConsumerRecord<String, byte[]> again = reports.get(0);
            producer.send(new ProducerRecord<>(again.topic(), again.partition(), again.key(), again.value(),
                    again.headers())).get();
            assertThat(reporter.postJson("/api/v1/indicators/IND-03/observations",
                    "{\"period\":\"2022\",\"value\":3105}").statusCode()).isEqualTo(202);
        }

        assertThat(operator.post("/api/v1/ops/projections/observations/rebuild", "application/json", "")
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                JSON.readTree(operator.get("/api/v1/ops/projections/observations").body()).get("state").asString()
                        .equals("SWAPPED"));
        assertThat(JSON.readTree(operator.get("/api/v1/ops/projections/observations").body()).get("replayed").asLong())
                .as("events the rebuild reports applied: every one in the log, the duplicate included")
                .isEqualTo(CleanReplay.replay(bootstrap, event -> { }));

        await().atMost(Duration.ofSeconds(30)).until(() -> CleanReplay.rows(jdbc, "indicator").size()
                == CleanReplay.distinctEvents(bootstrap));
        String clean = CleanReplay.intoFreshSchema(bootstrap, dataSource, jdbc, transactions);
        assertThat(CleanReplay.rows(jdbc, "indicator")).containsExactlyElementsOf(CleanReplay.rows(jdbc, clean));
        assertThat(jdbc.sql("select max(revision) from indicator.observation where indicator = 'IND-03' and period = '2022'"
                + " and value between 3100 and 3105").query(Integer.class).single())
                .as("six reports of 2022 in this test, one of them delivered twice")
                .isEqualTo(jdbc.sql("select count(*) from indicator.observation where indicator = 'IND-03'"
                        + " and period = '2022'").query(Integer.class).single());
    }
}
