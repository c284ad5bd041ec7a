package cn.gov.planwatch.reporting.ops;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison events go to {@code <topic>.dlt} with their error while the partition keeps flowing; operators
 * see them, and a replay after the fix applies the event exactly once. Real broker, real database.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterFlowIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DLT = Topics.deadLetterTopicOf(Topics.INDICATOR_EVENTS);
    /** Before any instant NationalViewProjectionIT asks the view about, so the tests can run in any order. */
    private static final Instant RECORDED_AT = Instant.parse("2023-01-15T00:00:00Z");

    @Autowired
    KafkaTemplate<String, PlanEvent> kafka;

    @Test
    void anUnreadableRecordAndAFailingEventAreDeadLetteredAndTheEventBehindThemIsApplied() throws Exception {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        String garbageId = UUID.randomUUID().toString();
        byte[] garbage = "{\"eventId\": oops \u0001".getBytes(StandardCharsets.UTF_8);
        ObservationReported poison = report("IND-05", "2023-Q9", "10.1"); // no such quarter: no view could order it
        ObservationReported good = report("IND-05", "2023", "10.2");

        // All three under one key, so on one partition, in this order.
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.INDICATOR_EVENTS, null, "IND-05", garbage, List.of(
                    header("ce_specversion", "1.0"), header("ce_id", garbageId),
                    header("ce_type", "cn.gov.planwatch.indicator.ObservationReported.v2"),
                    header("ce_time", Instant.now().toString())))).get();
        }
        kafka.send(Topics.INDICATOR_EVENTS, poison.partitionKey(), poison).get();
        kafka.send(Topics.INDICATOR_EVENTS, good.partitionKey(), good).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> facts(good.eventId()) == 1);
        assertThat(facts(poison.eventId())).as("the failing event left nothing behind").isZero();

        // Both are in the dead-letter topic, each with its failure; the unreadable one as its original bytes.
        Map<String, ConsumerRecord<byte[], byte[]>> dead = deadLetterRecords(List.of(garbageId,
                poison.eventId().toString()));
        ConsumerRecord<byte[], byte[]> unreadable = dead.get(garbageId);
        assertThat(unreadable.value()).isEqualTo(garbage);
        assertThat(text(unreadable, "kafka_dlt-exception-stacktrace")).contains("cannot read");
        assertThat(text(unreadable, "kafka_dlt-original-topic")).isEqualTo(Topics.INDICATOR_EVENTS);
        ConsumerRecord<byte[], byte[]> failing = dead.get(poison.eventId().toString());
        assertThat(text(failing, "kafka_dlt-exception-cause-fqcn")).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(unreadable.partition()).isEqualTo(failing.partition());

        // Operators see both, newest first, with type and error.
        JsonNode listed = await().atMost(Duration.ofSeconds(20)).until(
                () -> JSON.readTree(operator.get("/api/v1/ops/dead-letters?limit=200").body()),
                page -> find(page, garbageId) != null && find(page, poison.eventId().toString()) != null);
        JsonNode unreadableLine = find(listed, garbageId);
        assertThat(unreadableLine.get("type").asString()).isEqualTo("cn.gov.planwatch.indicator.ObservationReported.v2");
        assertThat(unreadableLine.get("key").asString()).isEqualTo("IND-05");
        assertThat(unreadableLine.get("state").asString()).isEqualTo("NEW");
        assertThat(unreadableLine.get("error").get("rootCause").asString()).contains("Unrecognized token 'oops'");
        assertThat(unreadableLine.get("failedGroup").asString()).isEqualTo("reporting-service.national-view");
        assertThat(unreadableLine.get("attempts").asInt()).as("not retried: it can never be read")
                .isEqualTo(1);
        JsonNode failingLine = find(listed, poison.eventId().toString());
        assertThat(failingLine.get("type").asString()).as("as today's writer wrote it")
                .isEqualTo(ObservationReported.V3.ceType());
        assertThat(failingLine.get("error").get("cause").asString()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(failingLine.get("error").get("rootCause").asString()).as("what an operator has to know")
                .contains(poison.eventId().toString(), "\"2023-Q9\"", "not a reporting period");
        assertThat(failingLine.get("attempts").asInt()).as("planwatch.events.dead-letter.max-attempts").isEqualTo(3);
        assertThat(failingLine.get("originalTopic").asString()).isEqualTo(Topics.INDICATOR_EVENTS);
        assertThat(Instant.parse(failingLine.get("firstFailureAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(failingLine.get("deadLetteredAt").asString()));
        assertThat(indexOf(listed, poison.eventId().toString())).as("newest first")
                .isLessThan(indexOf(listed, garbageId));

        assertThat(operator.get("/api/v1/ops/dead-letters?limit=0").statusCode()).isEqualTo(400);
        assertThat(http().withToken(TestTokens.shared().lead()).get("/api/v1/ops/dead-letters").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aDeadLetterIsReplayedAfterTheFixAndAppliedExactlyOnce(CapturedOutput output) throws Exception {
        HttpCalls operator = http().withToken(TestTokens.shared().operator());
        // A corrupt row the test controls: the period's current revision is the largest integer, so the next report
        // for the same indicator and period cannot be numbered and the fold fails — until the row is gone.
        UUID blocker = UUID.randomUUID();
        jdbc.sql("""
                insert into reporting.current_indicator_fact (plan, indicator, period, event_id, revision, value)
                values ('ip-2021-2025', 'IND-07', '2024', ?, 2147483647, 0)
                """).params(blocker).update();
        ObservationReported event = report("IND-07", "2024", "81.2");
        kafka.send(Topics.INDICATOR_EVENTS, event.partitionKey(), event).get();

        JsonNode line = await().atMost(Duration.ofSeconds(30)).until(
                () -> find(JSON.readTree(operator.get("/api/v1/ops/dead-letters?limit=200").body()),
                        event.eventId().toString()),
                found -> found != null);
        assertThat(line.get("error").get("rootCause").asString()).contains("integer out of range");
        assertThat(facts(event.eventId())).isZero();
        String id = line.get("id").asString();

        jdbc.sql("delete from reporting.current_indicator_fact where event_id = ?").params(blocker).update();
        HttpResponse<String> replayed = operator.post("/api/v1/ops/dead-letters/" + id + "/replay",
                "application/json", "");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(replayed.body());
        assertThat(accepted.get("state").asString()).isEqualTo("REPLAYED");
        assertThat(accepted.get("topic").asString()).isEqualTo(Topics.INDICATOR_EVENTS);
        assertThat(accepted.get("replayedBy").asString()).isEqualTo("cnipa-operator");

        await().atMost(Duration.ofSeconds(20)).until(() -> facts(event.eventId()) == 1);
        HttpResponse<String> again = operator.post("/api/v1/ops/dead-letters/" + id + "/replay", "application/json",
                "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(operator.post("/api/v1/ops/dead-letters/" + UUID.randomUUID() + "/replay", "application/json",
                "").statusCode()).isEqualTo(404);
        assertThat(http().withToken(TestTokens.shared().lead())
                .post("/api/v1/ops/dead-letters/" + id + "/replay", "application/json", "").statusCode())
                .isEqualTo(403);

        JsonNode after = find(JSON.readTree(operator.get("/api/v1/ops/dead-letters?limit=200").body()),
                event.eventId().toString());
        assertThat(after.get("state").asString()).isEqualTo("REPLAYED");
        assertThat(after.get("replayedBy").asString()).isEqualTo("cnipa-operator");
        assertThat(after.get("replayedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select revision from reporting.indicator_fact where event_id = ?")
                .params(event.eventId()).query(Integer.class).single()).isEqualTo(1);
        String operatorNamed = "client=cnipa-operator subject=cnipa-operator agency=CNIPA";
        assertThat(output.getOut())
                .contains("audit action=dead-letter.replay " + operatorNamed + " deadLetter=" + id + " outcome=REPLAYED")
                .contains("audit action=dead-letter.replay " + operatorNamed + " deadLetter=" + id + " outcome=REFUSED_409")
                .contains("audit action=dead-letters.list " + operatorNamed + " deadLetter=-");
    }

    private long facts(UUID eventId) {
        return jdbc.sql("select count(*) from reporting.indicator_fact where event_id = ?").params(eventId)
                .query(Long.class).single();
    }

    private static ObservationReported report(String indicator, String period, String value) {
        return new ObservationReported(UUID.randomUUID(), "ip-2021-2025", indicator, period, new BigDecimal(value), null, null,
                "CNIPA", "cnipa-reporter", null, RECORDED_AT, "percent", true);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the dead-letter topic from the start until a record with each of these ce_ids is found. */
    private static Map<String, ConsumerRecord<byte[], byte[]>> deadLetterRecords(List<String> ceIds) {
        Map<String, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(DLT).size())
                    .mapToObj(p -> new TopicPartition(DLT, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.size() < ceIds.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String ceId = text(record, "ce_id");
                    if (ceIds.contains(ceId)) {
                        found.put(ceId, record);
                    }
                }
            }
        }
        assertThat(found).as("dead letters in " + DLT).containsOnlyKeys(ceIds);
        return found;
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode page, String eventId) {
        for (JsonNode item : page.get("items")) {
            if (eventId.equals(item.path("eventId").asString(null))) {
                return item;
            }
        }
        return null;
    }

    private static int indexOf(JsonNode page, String eventId) {
        for (int i = 0; i < page.get("items").size(); i++) {
            if (eventId.equals(page.get("items").get(i).path("eventId").asString(null))) {
                return i;
            }
        }
        return -1;
    }
}
