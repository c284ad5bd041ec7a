package cn.gov.planwatch.contracts.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Plans published, amended and closed, as every service reads them from planwatch.plan-events. */
class PlanEventsTest {

    private static final JsonNode DOCUMENT = EventJson.MAPPER.readTree(resource("examples/plan-document.json"));
    private static final Instant RECORDED_AT = Instant.parse("2026-12-02T01:30:00Z");

    private static final PlanPublished PUBLISHED = new PlanPublished(
            UUID.fromString("6a1f0c7e-0d4b-4b8e-9a51-5d1f2b9c7e11"), "demo-2026-2030", 2,
            DOCUMENT, "ndrc-lead", "4bf92f3577b34da6a3ce929d0e0e4736", RECORDED_AT, "wang.fang");
    private static final PlanAmended AMENDED = new PlanAmended(
            UUID.fromString("6a1f0c7e-0d4b-4b8e-9a51-5d1f2b9c7e12"), "demo-2026-2030", 2, 1,
            DOCUMENT, "ndrc-lead", null, RECORDED_AT, "wang.fang");
    private static final PlanClosed CLOSED = new PlanClosed(
            UUID.fromString("6a1f0c7e-0d4b-4b8e-9a51-5d1f2b9c7e13"), "demo-2026-2030", "规划期结束 the plan period ended",
            "ndrc-lead", null, RECORDED_AT, "wang.fang");

    private final CloudEventSerializer serializer = new CloudEventSerializer();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    static Stream<PlanLifecycleEvent> events() {
        return Stream.of(PUBLISHED, AMENDED, CLOSED);
    }

    @ParameterizedTest
    @MethodSource("events")
    void givenAPlanEvent_whenWrittenAndReadBack_thenItIsTheSameEventWithChineseTextAndExactDecimals(
            PlanLifecycleEvent event) {
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(Topics.PLAN_EVENTS, headers, event);

        PlanEvent read = deserializer.deserialize(Topics.PLAN_EVENTS, headers, body);

        assertThat(read).isEqualTo(event);
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.writtenFor(event).ceType());
        assertThat(event.partitionKey()).isEqualTo("demo-2026-2030");
        if (event instanceof PlanDocumentEvent) {
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("“十五五”示范规划").contains("\"value\":12.12")
                    .contains("\"value\":6.20").contains("\"target\":500.0");
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void givenAPlanEvent_whenWritten_thenItsBodyConformsToItsPublishedSchema(PlanLifecycleEvent event)
            throws Exception {
        byte[] body = serializer.serialize(Topics.PLAN_EVENTS, new RecordHeaders(), event);

        assertThat(schema(EventTypes.writtenFor(event)).validate(new ObjectMapper().readTree(body))).isEmpty();
    }

    @Test
    void givenThePlanEventTypes_whenListed_thenTheyAreVersionOneOnThePlanTopic() {
        assertThat(Stream.of(PlanPublished.V1, PlanAmended.V1, PlanClosed.V1).map(EventType::ceType)).containsExactly(
                "cn.gov.planwatch.plan.PlanPublished.v1", "cn.gov.planwatch.plan.PlanAmended.v1",
                "cn.gov.planwatch.plan.PlanClosed.v1");
        assertThat(Stream.of(PlanPublished.V1, PlanAmended.V1, PlanClosed.V1).map(EventType::topic))
                .containsOnly("planwatch.plan-events");
        assertThat(EventTypes.all()).contains(PlanPublished.V1, PlanAmended.V1, PlanClosed.V1);
        assertThat(PUBLISHED.subject()).isEqualTo("demo-2026-2030/v2");
        assertThat(CLOSED.subject()).isEqualTo("demo-2026-2030");
    }

    @ParameterizedTest
    @MethodSource("events")
    void givenAPlanEventSchema_whenItStatesThePlanIdRule_thenItIsPlanIdsRule(PlanLifecycleEvent event)
            throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + EventTypes.writtenFor(event).ceType()
                + ".json")) {
            com.fasterxml.jackson.databind.JsonNode schema = new ObjectMapper().readTree(in);
            assertThat(schema.at("/properties/plan/pattern").asText()).isEqualTo(PlanId.PATTERN);
            assertThat(schema.at("/properties/plan/maxLength").asInt()).isEqualTo(PlanId.MAX_LENGTH);
            if (event instanceof PlanDocumentEvent) {
                assertThat(schema.at("/$defs/planDocument/properties/plan/properties/id/pattern").asText())
                        .isEqualTo(PlanId.PATTERN);
            }
        }
    }

    @Test
    void givenTheTwoEventsThatCarryAPlanDocument_whenTheirSchemasAreRead_thenTheyDescribeTheSameDocument()
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream published = getClass().getResourceAsStream("/schemas/" + PlanPublished.V1.ceType() + ".json");
             InputStream amended = getClass().getResourceAsStream("/schemas/" + PlanAmended.V1.ceType() + ".json")) {
            assertThat(json.readTree(amended).at("/$defs/planDocument"))
                    .isEqualTo(json.readTree(published).at("/$defs/planDocument"));
        }
    }

    @Test
    void givenBodiesThatBreakTheContract_whenValidated_thenTheSchemaRefusesEach() throws Exception {
        JsonSchema published = schema(PlanPublished.V1);
        ObjectMapper json = new ObjectMapper();
        String valid = new String(serializer.serialize(Topics.PLAN_EVENTS, PUBLISHED), StandardCharsets.UTF_8);

        assertThat(published.validate(json.readTree(valid))).isEmpty();
        assertThat(published.validate(json.readTree(replace(valid, "\"plan\":\"demo-2026-2030\"",
                "\"plan\":\"Demo 2026\"")))).isNotEmpty();
        assertThat(published.validate(json.readTree(replace(valid, "\"version\":2,\"document\"",
                "\"version\":0,\"document\"")))).isNotEmpty();
        assertThat(published.validate(json.readTree(replace(valid, "\"actor\":\"wang.fang\"", "\"actor\":null"))))
                .isNotEmpty();
        assertThat(published.validate(json.readTree(replace(valid, "\"schemaVersion\":1", "\"schemaVersion\":2"))))
                .isNotEmpty();
        assertThat(schema(PlanClosed.V1).validate(json.readTree("{\"eventId\":\"6a1f0c7e-0d4b-4b8e-9a51-5d1f2b9c7e13\","
                + "\"plan\":\"demo-2026-2030\",\"recordedAt\":\"2026-12-02T01:30:00Z\"}"))).isNotEmpty();
    }

    @Test
    void givenAnEnvelopeThatDisagreesWithItsDocument_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> new PlanPublished(UUID.randomUUID(), "ip-2021-2025", 2, DOCUMENT, null, null,
                RECORDED_AT, "planwatch")).hasMessageContaining("not plan ip-2021-2025 version 2");
        assertThatThrownBy(() -> new PlanPublished(UUID.randomUUID(), "demo-2026-2030", 3, DOCUMENT, null, null,
                RECORDED_AT, "planwatch")).hasMessageContaining("not plan demo-2026-2030 version 3");
        assertThatThrownBy(() -> new PlanAmended(UUID.randomUUID(), "demo-2026-2030", 2, 2, DOCUMENT, null, null,
                RECORDED_AT, "planwatch")).hasMessageContaining("raises the version");
        assertThatThrownBy(() -> new PlanClosed(UUID.randomUUID(), "Demo 2026", null, null, null, RECORDED_AT,
                "planwatch")).hasMessageContaining("is not a plan id");
        assertThatThrownBy(() -> new PlanPublished(UUID.randomUUID(), "demo-2026-2030", 2,
                EventJson.MAPPER.createObjectNode(), null, null, RECORDED_AT, "planwatch"))
                .hasMessageContaining("not plan demo-2026-2030");
    }

    private JsonSchema schema(EventType type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.ceType() + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static String replace(String body, String text, String replacement) {
        assertThat(body).contains(text);
        return body.replace(text, replacement);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PlanEventsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
