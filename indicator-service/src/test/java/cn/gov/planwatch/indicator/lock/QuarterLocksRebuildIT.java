package cn.gov.planwatch.indicator.lock;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.indicator.IndicatorServiceFixture;
import cn.gov.planwatch.platform.rebuild.RebuildableProjection;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quarter locks are rebuilt from the quarterly update topic. A record in the log that nothing can read is left out
 * of the rebuilt model only once the live projector has dead-lettered it; until then the rebuild refuses to swap.
 */
class QuarterLocksRebuildIT extends IndicatorServiceFixture {

    @Autowired
    @Qualifier("quarterLocksProjection")
    RebuildableProjection quarterLocks;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void givenAcceptancesAndReturnsWhenRebuiltThenTheLocksEqualACleanReplay() throws Exception {
        Instant t = Instant.parse("2020-04-10T02:00:00Z");
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateAccepted(UUID.randomUUID(),
                "ip-2021-2025", "SAMR", "2020-Q1", "CNIPA", "cnipa-lead", null, t)).get();
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR", new QuarterlyUpdateReturned(UUID.randomUUID(),
                "ip-2021-2025", "SAMR", "2020-Q1", "CNIPA", "数据需要核实", List.of(), "cnipa-lead", null,
                t.plusSeconds(60))).get();
        kafka.send(Topics.QUARTERLY_UPDATE_EVENTS, "MIIT", new QuarterlyUpdateAccepted(UUID.randomUUID(),
                "ip-2021-2025", "MIIT", "2020-Q1", "CNIPA", "cnipa-lead", null, t)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from indicator.quarter_lock where quarter = '2020-Q1' and agency in ('SAMR', 'MIIT')")
                .query(Long.class).single() == 2);
        // A read model gone wrong (a bug in an earlier fold, a hand edit): the rebuild sets it right.
        jdbc.sql("update indicator.quarter_lock set locked = true where quarter = '2020-Q1'").update();

        JsonNode rebuilt = rebuild("quarter-locks");

        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertThat(rebuilt.get("replayed").asLong()).isGreaterThanOrEqualTo(3);
        assertLiveEqualsCleanReplay(quarterLocks, "projected_at");
        assertThat(jdbc.sql("select locked from indicator.quarter_lock where quarter = '2020-Q1' and agency = ?")
                .params("SAMR").query(Boolean.class).single()).as("returned after it was accepted").isFalse();
    }

    @Test
    void anUnreadableRecordBlocksTheSwapUntilTheLiveProjectorHasDeadLetteredIt() throws Exception {
        MessageListenerContainer live = listeners.getListenerContainer("indicator-quarter-locks");
        String eventId = UUID.randomUUID().toString();
        List<Map<String, Object>> before = jdbc.sql("select * from indicator.quarter_lock order by plan, agency, quarter")
                .query().listOfRows();
        live.stop();
        try {
            publishUnreadable(eventId);
            JsonNode refused = rebuild("quarter-locks");
            assertThat(refused.get("state").asString()).as(refused.toString()).isEqualTo("FAILED");
            assertThat(refused.get("error").asString()).contains(eventId).contains("dead-letter");
            assertThat(jdbc.sql("select * from indicator.quarter_lock order by plan, agency, quarter").query()
                    .listOfRows()).as("the live locks").isEqualTo(before);
        } finally {
            live.start();
        }
        TopicRecords.withEventId(RealInfrastructure.shared().kafkaBootstrapServers(),
                Topics.deadLetterTopicOf(Topics.QUARTERLY_UPDATE_EVENTS), eventId, Duration.ofSeconds(60));

        JsonNode rebuilt = rebuild("quarter-locks");
        assertThat(rebuilt.get("state").asString()).as(rebuilt.toString()).isEqualTo("SWAPPED");
        assertThat(rebuilt.get("skippedDeadLettered").asLong()).isPositive();
        assertLiveEqualsCleanReplay(quarterLocks, "projected_at");
    }

    private static void publishUnreadable(String eventId) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.QUARTERLY_UPDATE_EVENTS, "SAMR",
                    "{\"agency\": \"SAMR\", 季度".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "cn.gov.planwatch.programme.QuarterlyUpdateAccepted.v1"
                            .getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
