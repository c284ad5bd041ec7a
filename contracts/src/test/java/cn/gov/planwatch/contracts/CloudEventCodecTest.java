package cn.gov.planwatch.contracts;

import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final ObservationReported event = new ObservationReported(
            UUID.fromString("0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10"), "gi-2026-2030", "IND-01", "2023", new BigDecimal("11.80"),
            "年末数据 year-end figure", "统计公报", "CNIPA", "cnipa-reporter", "4bf92f3577b34da6a3ce929d0e0e4736",
            Instant.parse("2024-01-15T08:30:00Z"), "patents", true, "li.na");

    private final CloudEventSerializer serializer = new CloudEventSerializer();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    @Test
    void writesTheCloudEventsBinaryModeHeaders() {
        serializer.configure(Map.of(CloudEventSerializer.SOURCE_CONFIG, "/planwatch/indicator-service"), false);
        Headers headers = new RecordHeaders();
        serializer.serialize(Topics.INDICATOR_EVENTS, headers, event);

        assertThat(header(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(headers, CloudEventHeaders.ID)).isEqualTo("0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10");
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo("cn.gov.planwatch.indicator.ObservationReported.v3");
        assertThat(header(headers, CloudEventHeaders.SOURCE)).isEqualTo("/planwatch/indicator-service");
        assertThat(header(headers, CloudEventHeaders.TIME)).isEqualTo("2024-01-15T08:30:00Z");
        assertThat(header(headers, CloudEventHeaders.SUBJECT)).isEqualTo("IND-01/2023");
        assertThat(header(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void roundTripsTheEventWithChineseTextAndExactDecimals() {
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(Topics.INDICATOR_EVENTS, headers, event);

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"value\":11.80").contains("年末数据")
                .contains("\"clientId\":\"cnipa-reporter\"").contains("\"actor\":\"li.na\"")
                .contains("\"plan\":\"gi-2026-2030\"");
        assertThat(deserializer.deserialize(Topics.INDICATOR_EVENTS, headers, body)).isEqualTo(event);
    }

    @Test
    void theBodyConformsToThePublishedJsonSchema() throws Exception {
        byte[] body = serializer.serialize(Topics.INDICATOR_EVENTS, new RecordHeaders(), event);
        JsonSchema schema = schema(ObservationReported.V3);
        Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(body));
        assertThat(problems).isEmpty();

        Set<ValidationMessage> broken = schema.validate(new ObjectMapper().readTree("{\"eventId\":\"x\",\"period\":\"23\"}"));
        assertThat(broken).isNotEmpty();
    }

    @Test
    void aVersion1EventStillInTheLogIsReadAsTheCurrentRecord() {
        Headers headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, "9d0e2c1a-0000-4000-8000-000000000001".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE,
                "cn.gov.planwatch.indicator.ObservationReported.v1".getBytes(StandardCharsets.UTF_8));
        byte[] v1 = ("{\"eventId\":\"9d0e2c1a-0000-4000-8000-000000000001\",\"indicator\":\"IND-03\","
                + "\"period\":\"2022\",\"value\":2600,\"comment\":\"质押\",\"source\":null,\"agency\":\"CNIPA\","
                + "\"clientId\":\"cnipa-reporter\",\"traceId\":null,\"recordedAt\":\"2023-03-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);

        ObservationReported read = (ObservationReported) deserializer.deserialize(Topics.INDICATOR_EVENTS, headers, v1);

        assertThat(read.value()).isEqualByComparingTo("2600");
        assertThat(read.comment()).isEqualTo("质押");
        assertThat(read.unit()).isNull();
        assertThat(read.unitConfirmed()).isFalse();
        assertThat(read.actor()).as("a v1 event names no actor: its client acted").isEqualTo("cnipa-reporter");
        assertThat(read.plan()).as("written when the product carried one plan").isEqualTo("ip-2021-2025");
    }

    @Test
    void aVersion2EventStillInTheLogBelongsToThePlanOfThatTime() throws Exception {
        byte[] older = bodyWith(body -> body.remove("plan"));
        Headers v2 = new RecordHeaders();
        serializer.serialize(Topics.INDICATOR_EVENTS, v2, event);
        v2.remove(CloudEventHeaders.TYPE);
        v2.add(CloudEventHeaders.TYPE, ObservationReported.V2.ceType().getBytes(StandardCharsets.UTF_8));

        ObservationReported read = (ObservationReported) deserializer.deserialize(Topics.INDICATOR_EVENTS, v2, older);

        assertThat(read.plan()).isEqualTo("ip-2021-2025");
        assertThat(read.indicator()).isEqualTo("IND-01");
        assertThat(schema(ObservationReported.V2).validate(new ObjectMapper().readTree(older))).isEmpty();
        assertThat(schema(ObservationReported.V3).validate(new ObjectMapper().readTree(older)))
                .as("v3 requires the plan").isNotEmpty();
    }

    @Test
    void anEventNamingSomethingThatIsNotAPlanIdIsRefused() {
        Headers headers = new RecordHeaders();
        serializer.serialize(Topics.INDICATOR_EVENTS, headers, event);
        byte[] tampered = bodyWith(body -> body.put("plan", "../IP Plan"));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.INDICATOR_EVENTS, headers, tampered))
                .isInstanceOf(SerializationException.class);
    }

    /** The event's JSON body, changed as an older writer (or a tamperer) would have written it. */
    private byte[] bodyWith(java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> change) {
        var body = (tools.jackson.databind.node.ObjectNode) EventJson.MAPPER.readTree(
                serializer.serialize(Topics.INDICATOR_EVENTS, new RecordHeaders(), event));
        change.accept(body);
        return EventJson.MAPPER.writeValueAsBytes(body);
    }

    @Test
    void aVersion2EventWrittenBeforeTheActorWasRecordedReadsAsItsClient() throws Exception {
        Headers headers = new RecordHeaders();
        serializer.serialize(Topics.INDICATOR_EVENTS, headers, event);
        byte[] older = bodyWith(body -> body.remove("actor"));

        ObservationReported read = (ObservationReported) deserializer.deserialize(Topics.INDICATOR_EVENTS, headers,
                older);

        assertThat(read.clientId()).isEqualTo("cnipa-reporter");
        assertThat(read.actor()).isEqualTo("cnipa-reporter");
        assertThat(read.value()).isEqualByComparingTo("11.80");
        // Still a valid body: the actor is optional in the published schema.
        assertThat(schema(ObservationReported.V3).validate(new ObjectMapper().readTree(older))).isEmpty();
    }

    private JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.ceType() + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyRegisteredTypeHasAPublishedSchema() {
        for (EventType type : EventTypes.all()) {
            assertThat(getClass().getResource("/schemas/" + type.ceType() + ".json"))
                    .as("schema of %s", type.ceType()).isNotNull();
        }
    }

    @Test
    void refusesRecordsItCannotRead() {
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(Topics.INDICATOR_EVENTS, headers, event);

        Headers unknownType = copy(headers);
        unknownType.remove(CloudEventHeaders.TYPE);
        unknownType.add(CloudEventHeaders.TYPE, "cn.gov.planwatch.Unheard.v9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> deserializer.deserialize("t", unknownType, body))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown event type");

        Headers noId = copy(headers);
        noId.remove(CloudEventHeaders.ID);
        assertThatThrownBy(() -> deserializer.deserialize("t", noId, body))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ce_id");

        assertThatThrownBy(() -> deserializer.deserialize("t", headers, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read");
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
