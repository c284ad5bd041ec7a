package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.platform.eventlog.TransactionalEventLog;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk submissions on the real log and database, to a plan of their own (the shipped plan's document under another
 * id), so that what other tests report changes nothing here. The clock stands in 2025-Q4 (Beijing time).
 */
@Import({SettableClock.Configuration.class, SubmissionIT.AbortMidway.Configuration.class})
class SubmissionIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String PLAN = "bulk-2021-2025";
    private static final String SUBMISSIONS = "/api/v1/plans/" + PLAN + "/submissions";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> TOPICS = List.of(Topics.INDICATOR_EVENTS, Topics.PROGRAMME_EVENTS);

    @Autowired
    SettableClock clock;

    @Autowired
    AbortMidway abortMidway;

    @Autowired
    MeterRegistry meters;

    HttpCalls cnipa;

    @BeforeEach
    void publishThePlan() throws IOException {
        clock.set("2025-11-20T02:00:00Z");
        abortMidway.armed = false;
        cnipa = http().withToken(TOKENS.reporter("CNIPA"));
        String document;
        try (InputStream shipped = getClass().getResourceAsStream("/plans/ip-2021-2025.yaml")) {
            document = new String(shipped.readAllBytes(), StandardCharsets.UTF_8).replace("id: ip-2021-2025",
                    "id: " + PLAN);
        }
        // Published by the first test to run; the same document again records nothing.
        assertThat(http().withToken(TOKENS.lead()).put("/api/v1/plans/" + PLAN, "application/yaml", document)
                .statusCode()).isIn(200, 202);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        abortMidway.armed = false;
    }

    @Test
    void aJsonSubmissionIsRecordedAsTheSingleReportsAreAndAResendAnswersTheFirstAnswer() {
        String body = """
                {"observations": [
                   {"indicator": "IND-01", "period": "2022", "value": 9.4, "comment": "年末数据", "source": "统计年报"},
                   {"indicator": "IND-03", "period": "2022", "value": 4868.8, "unit": "亿元"}],
                 "progress": [
                   {"programme": "geographical-indications", "quarter": "2025-Q3", "status": "AT_RISK",
                    "percentComplete": 55, "summary": "示范区建设稳步推进",
                    "measures": [{"code": "gi-special-action", "status": "ON_TRACK", "note": "专项行动推进中"}],
                    "milestones": [{"code": "gi-demo-zones", "value": 41}]}]}""";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpCalls keyed = cnipa.withHeader("Idempotency-Key", "bulk-json-" + UUID.randomUUID())
                .withHeader("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01");
        double observationsBefore = accepted(ObservationReported.V3.ceType());
        double progressBefore = accepted(ProgressReported.V2.ceType());
        JsonNode accepted = json(keyed.postJson(SUBMISSIONS, body), 202);
        assertThat(accepted(ObservationReported.V3.ceType()) - observationsBefore).as("events accepted, by type")
                .isEqualTo(2);
        assertThat(accepted(ProgressReported.V2.ceType()) - progressBefore).isEqualTo(1);
        assertThat(accepted.get("observations").asInt()).isEqualTo(2);
        assertThat(accepted.get("progress").asInt()).isEqualTo(1);
        List<String> eventIds = texts(accepted.get("eventIds"));
        assertThat(eventIds).hasSize(3).doesNotHaveDuplicates();

        // Each row is the very event its single endpoint appends, on its own topic, committed.
        Map<String, ConsumerRecord<String, byte[]>> indicatorEvents = byEventId(
                records(Topics.INDICATOR_EVENTS, "read_committed"));
        Map<String, ConsumerRecord<String, byte[]>> programmeEvents = byEventId(
                records(Topics.PROGRAMME_EVENTS, "read_committed"));
        assertThat(header(indicatorEvents.get(eventIds.get(0)), "ce_type"))
                .isEqualTo(ObservationReported.V3.ceType());
        assertThat(new String(indicatorEvents.get(eventIds.get(0)).value(), StandardCharsets.UTF_8))
                .contains("\"comment\":\"年末数据\"").contains("\"agency\":\"CNIPA\"");
        assertThat(indicatorEvents).containsKey(eventIds.get(1));
        assertThat(header(programmeEvents.get(eventIds.get(2)), "ce_type")).isEqualTo(ProgressReported.V2.ceType());
        // Every record carries the request's trace, so that each projector's handling of it joins that trace.
        assertThat(List.of(indicatorEvents.get(eventIds.get(0)), indicatorEvents.get(eventIds.get(1)),
                programmeEvents.get(eventIds.get(2)))).allSatisfy(record -> {
                    assertThat(header(record, "traceparent")).as("traceparent").contains(traceId);
                    assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .contains("\"traceId\":\"" + traceId + "\"");
                });

        // … and folded by this service's projectors as any report is.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("select summary from programme.progress_report where event_id = cast(? as uuid)")
                    .params(eventIds.get(2)).query(String.class).optional()).hasValue("示范区建设稳步推进");
            assertThat(jdbc.sql("select count(*) from programme.reported_indicator where plan = ? and event_id in"
                            + " (cast(? as uuid), cast(? as uuid))").params(PLAN, eventIds.get(0), eventIds.get(1))
                    .query(Long.class).single()).isEqualTo(2);
        });

        long before = endOffsets();
        HttpResponse<String> resent = keyed.postJson(SUBMISSIONS, body);
        assertThat(json(resent, 202).get("submissionId").asString()).isEqualTo(accepted.get("submissionId").asString());
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(endOffsets()).as("a resend records nothing new").isEqualTo(before);
        assertThat(accepted(ObservationReported.V3.ceType()) - observationsBefore).isEqualTo(2);
        problem(keyed.postJson(SUBMISSIONS, body.replace("9.4", "9.5")), 422, null);
    }

    @Test
    void theTemplateFilledInIsAcceptedAsIsWithItsChineseIntactAsWorkbookAndAsCsv() throws IOException {
        json(cnipa.postJson(SUBMISSIONS, """
                {"observations": [{"indicator": "IND-02", "period": "2021", "value": 11.7}]}"""), 202);
        HttpCalls reader = cnipa;
        byte[] workbook = await().atMost(Duration.ofSeconds(20)).until(
                () -> reader.getFile(SUBMISSIONS + "/template?quarter=2025-Q4", XLSX).body(),
                file -> lastValueOf(file, "IND-02") != null);
        assertThat(lastValueOf(workbook, "IND-02")).isEqualTo("11.7");

        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet indicators = book.getSheet("指标 Indicators");
            assertThat(indicators.getRow(0).getCell(0).getStringCellValue()).isEqualTo("代码 Code");
            Row ind01 = rowOf(indicators, "IND-01");
            assertThat(ind01.getCell(2).getStringCellValue()).isEqualTo("件");
            assertThat(ind01.getCell(5).getStringCellValue()).as("the period pre-filled").isEqualTo("2025");
            ind01.createCell(6).setCellValue(12.9);
            ind01.createCell(7).setCellValue("快报数据，待年报核定");
            Sheet progress = book.getSheet("进展 Progress");
            Row gi = rowOf(progress, "geographical-indications");
            assertThat(gi.getCell(1).getStringCellValue()).startsWith("地理标志保护工程");
            gi.createCell(6).setCellValue("ON_TRACK");
            gi.createCell(7).setCellValue(75);
            gi.createCell(8).setCellValue("第四季度新增示范区两个");
            gi.createCell(10).setCellValue("gi-demo-zones=43");
            book.write(out);
            filled = out.toByteArray();
        }
        JsonNode fromWorkbook = json(cnipa.postFile(SUBMISSIONS, XLSX, filled), 202);
        assertThat(fromWorkbook.get("observations").asInt()).as("rows left empty are no reports").isEqualTo(1);
        assertThat(fromWorkbook.get("progress").asInt()).isEqualTo(1);
        String giEvent = texts(fromWorkbook.get("eventIds")).get(1);

        String csv = new String(cnipa.getFile(SUBMISSIONS + "/template?quarter=2025-Q4", "text/csv").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF类别 Kind,代码 Code,名称 Name,单位 Unit");
        assertThat(csv).contains("observation,IND-03,").contains("亿元");
        // Filled in: the template's own lines stay (without values they are no reports), two lines more.
        String filledCsv = csv + "observation,IND-03,,亿元,,,,2021,3098,\"初步统计，含质押融资\",国家知识产权局,,,,,\r\n"
                + "progress,patent-navigation,,,,,,2025-Q4,,,,DELAYED,40,\"导航基地建设滞后, 资金未到位\",,\r\n";
        JsonNode fromCsv = json(cnipa.postFile(SUBMISSIONS, "text/csv", filledCsv.getBytes(StandardCharsets.UTF_8)),
                202);
        List<String> csvEvents = texts(fromCsv.get("eventIds"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("select summary from programme.progress_report where event_id = cast(? as uuid)")
                    .params(giEvent).query(String.class).optional()).hasValue("第四季度新增示范区两个");
            assertThat(jdbc.sql("select summary from programme.progress_report where event_id = cast(? as uuid)")
                    .params(csvEvents.get(1)).query(String.class).optional()).hasValue("导航基地建设滞后, 资金未到位");
            assertThat(jdbc.sql("select value from programme.reported_indicator where event_id = cast(? as uuid)")
                    .params(csvEvents.get(0)).query(java.math.BigDecimal.class).optional())
                    .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("3098"));
        });
        assertThat(new String(byEventId(records(Topics.INDICATOR_EVENTS, "read_committed"))
                .get(csvEvents.get(0)).value(), StandardCharsets.UTF_8)).contains("初步统计，含质押融资");
    }

    @Test
    void oneBadRowAmongManyRefusesTheWholeSubmissionListingEveryBadRowAndNothingIsEvenAttempted() {
        List<String> rows = new ArrayList<>();
        for (String indicator : List.of("IND-01", "IND-02", "IND-03", "IND-04", "IND-05")) {
            for (int year = 2021; year <= 2025; year++) {
                rows.add("{\"indicator\":\"" + indicator + "\",\"period\":\"" + year + "\",\"value\":" + year % 100
                        + ",\"comment\":\"批量\"}");
            }
        }
        rows.set(3, "{\"indicator\":\"IND-01\",\"period\":\"2024\",\"value\":-5}");
        String body = "{\"observations\":[" + String.join(",", rows) + "],\"progress\":["
                + "{\"programme\":\"geographical-indications\",\"quarter\":\"2025-Q4\",\"status\":\"ON_TRACK\","
                + "\"percentComplete\":80},"
                + "{\"programme\":\"space-race\",\"quarter\":\"2025-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":1}]}";
        Map<String, Long> before = endOffsetsByTopic();

        JsonNode refused = problem(cnipa.withHeader("Accept-Language", "zh-CN").postJson(SUBMISSIONS, body), 422,
                "observations[3].value");
        assertThat(refused.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("observations[3].value", "progress[1].programme");
        assertThat(refused.get("errors").findValuesAsString("message")).contains("数值不得小于 0 件");
        assertThat(refused.get("type").asString()).endsWith("/invalid-submission");
        assertThat(refused.get("detail").asString()).isEqualTo("本次报送有 2 处被拒收，详见 errors；未记录任何内容。");
        problem(cnipa.postJson(SUBMISSIONS, body.replace("\"IND-01\",\"period\":\"2024\",\"value\":-5",
                "\"IND-01\",\"period\":\"2021\",\"value\":5")), 422, "observations[3].period");

        problem(cnipa.postJson(SUBMISSIONS, "{\"observations\":[null]}"), 422, "observations[0]");
        assertThat(problem(cnipa.postJson(SUBMISSIONS, "{}"), 422, null).get("type").asString())
                .endsWith("/empty-submission");
        // Another agency's item refuses the whole of it; so does a submission over the limit of rows.
        problem(http().withToken(TOKENS.reporter("SAMR")).postJson(SUBMISSIONS,
                "{\"observations\":[{\"indicator\":\"IND-01\",\"period\":\"2023\",\"value\":1}]}"), 403, null);
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{\"indicator\":\"IND-01\",\"period\":\"2023\","
                + "\"value\":" + i + "}").collect(Collectors.joining(",", "{\"observations\":[", "]}"));
        assertThat(problem(cnipa.postJson(SUBMISSIONS, tooMany), 413, null).get("type").asString())
                .endsWith("/too-many-rows");
        // A file that cannot be read as the type it says it is: the body is refused, in the reader's language.
        JsonNode unreadable = problem(cnipa.withHeader("Accept-Language", "zh-CN").postFile(SUBMISSIONS, "text/csv",
                new byte[] {'k', 'i', 'n', 'd', (byte) 0xff}), 400, "body");
        assertThat(unreadable.get("detail").asString()).contains("不是 UTF-8 编码的文本");
        problem(cnipa.postFile(SUBMISSIONS, XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)), 400, "body");

        // The end offsets count aborted records and transaction markers too: unchanged, nothing was even attempted.
        assertThat(endOffsetsByTopic()).isEqualTo(before);
    }

    @Test
    void aTransactionAbortedMidwayIsSeenByNoReadCommittedConsumerAndChangesNoReadModel() {
        String body = """
                {"observations": [
                   {"indicator": "IND-04", "period": "2021", "value": 1.1},
                   {"indicator": "IND-04", "period": "2022", "value": 2.2},
                   {"indicator": "IND-04", "period": "2023", "value": 3.3}],
                 "progress": [
                   {"programme": "patent-navigation", "quarter": "2025-Q1", "status": "ON_TRACK", "percentComplete": 10},
                   {"programme": "patent-navigation", "quarter": "2025-Q2", "status": "ON_TRACK", "percentComplete": 20},
                   {"programme": "patent-navigation", "quarter": "2025-Q3", "status": "ON_TRACK", "percentComplete": 30}]}""";
        Map<String, Long> before = endOffsetsByTopic();
        long foldedObservations = countOf("reported_indicator");
        long foldedProgress = countOf("progress_report");

        abortMidway.armed = true;
        HttpResponse<String> answer = cnipa.postJson(SUBMISSIONS, body);
        problem(answer, 503, null);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(abortMidway.sentBeforeAbort).as("half of it reached the broker").isEqualTo(3);

        Map<String, Long> after = endOffsetsByTopic();
        assertThat(after.get(Topics.INDICATOR_EVENTS)).as("the aborted records and their marker are in the log")
                .isGreaterThan(before.get(Topics.INDICATOR_EVENTS));
        List<ConsumerRecord<String, byte[]>> uncommitted = records(Topics.INDICATOR_EVENTS, "read_uncommitted")
                .stream().filter(record -> valueOf(record).contains("\"indicator\":\"IND-04\"")).toList();
        assertThat(uncommitted).as("what a read_uncommitted consumer sees of it").hasSize(3);
        Set<String> abortedIds = byEventId(uncommitted).keySet();
        assertThat(byEventId(records(Topics.INDICATOR_EVENTS, "read_committed")).keySet())
                .as("what a read_committed consumer sees of it").doesNotContainAnyElementsOf(abortedIds);

        // The same submission again, the log healthy: all of it. Its events go to the same partitions, after the
        // aborted ones: once the projectors have folded them, they have read past the abort.
        abortMidway.armed = false;
        JsonNode accepted = json(cnipa.postJson(SUBMISSIONS, body), 202);
        List<String> eventIds = texts(accepted.get("eventIds"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(countOf("reported_indicator")).isEqualTo(foldedObservations + 3);
            assertThat(countOf("progress_report")).isEqualTo(foldedProgress + 3);
        });
        assertThat(jdbc.sql("select count(*) from programme.reported_indicator where event_id in (:ids)")
                .param("ids", abortedIds.stream().map(UUID::fromString).toList()).query(Long.class).single())
                .as("nothing of the aborted transaction in the read model").isZero();
        assertThat(byEventId(records(Topics.PROGRAMME_EVENTS, "read_committed"))).containsKeys(
                eventIds.get(3), eventIds.get(4), eventIds.get(5));
    }

    /** The {@code planwatch.events.accepted} count of one event type, as the metrics endpoint would show it. */
    private double accepted(String type) {
        Counter counter = meters.find("planwatch.events.accepted").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Aborts a submission's transaction once half of its events are sent, and flushed to the broker. */
    static class AbortMidway implements TransactionalEventLog.SendCheckpoint {

        volatile boolean armed;
        volatile int sentBeforeAbort;

        @Override
        public void afterSend(KafkaOperations<String, PlanEvent> operations, int sent, int total) {
            if (armed && sent == total / 2) {
                operations.flush();
                sentBeforeAbort = sent;
                throw new KafkaException("the broker went away midway through the transaction (test)");
            }
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Configuration {

            @Bean
            AbortMidway abortMidway() {
                return new AbortMidway();
            }
        }
    }

    private long countOf(String table) {
        return jdbc.sql("select count(*) from programme." + table + " where plan = ?").params(PLAN)
                .query(Long.class).single();
    }

    private static String lastValueOf(byte[] workbook, String indicator) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            var cell = rowOf(book.getSheet("指标 Indicators"), indicator).getCell(4);
            return cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC ? null
                    : org.apache.poi.ss.util.NumberToTextConverter.toText(cell.getNumericCellValue());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(code + " not in " + sheet.getSheetName());
    }

    private static long endOffsets() {
        return endOffsetsByTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> endOffsetsByTopic() {
        return TOPICS.stream().collect(Collectors.toMap(topic -> topic,
                topic -> TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), topic)));
    }

    /** Every record of the topic about this test's plan, as a consumer of the given isolation level reads it. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic, String isolation) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(Instant.now()).as("read to the end of " + topic).isBefore(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (valueOf(record).contains("\"plan\":\"" + PLAN + "\"")) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private static Map<String, ConsumerRecord<String, byte[]>> byEventId(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.toMap(record -> header(record, "ce_id"), record -> record,
                (first, second) -> second));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        assertThat(record).as("the record").isNotNull();
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String valueOf(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
