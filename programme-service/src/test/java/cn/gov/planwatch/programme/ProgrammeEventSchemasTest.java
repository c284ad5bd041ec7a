package cn.gov.planwatch.programme;

import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The events this service writes: their bodies conform to the published schemas, and Chinese text round-trips. */
class ProgrammeEventSchemasTest {

    private static final Instant AT = Instant.parse("2025-10-10T02:00:00Z");

    static Stream<PlanEvent> events() {
        return Stream.of(
                new ProgressReported(UUID.randomUUID(), "ip-2021-2025", "geographical-indications", "2025-Q3", "SAMR", "samr-reporter",
                        "4bf92f3577b34da6a3ce929d0e0e4736", "AT_RISK", 60, "示范区建设总体顺利", "资金到位慢",
                        List.of(new ProgressReported.MeasureStatus("gi-special-action", "ON_TRACK", "专项行动推进中")),
                        List.of(new ProgressReported.MilestoneValue("gi-demo-zones", new BigDecimal("37"))), AT),
                new QuarterlyUpdateSubmitted(UUID.randomUUID(), "ip-2021-2025", "SAMR", "2025-Q3", "samr-reporter", null, AT),
                new QuarterlyUpdateAccepted(UUID.randomUUID(), "ip-2021-2025", "SAMR", "2025-Q3", "CNIPA", "cnipa-lead", null, AT),
                new QuarterlyUpdateReturned(UUID.randomUUID(), "ip-2021-2025", "SAMR", "2025-Q3", "CNIPA", "请补充风险说明",
                        List.of("IND-03", "trade-secrets"), "cnipa-lead", null, AT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventConformsToItsSchemaAndRoundTrips(PlanEvent event) throws Exception {
        Headers headers = new RecordHeaders();
        byte[] body = new CloudEventSerializer().serialize(EventTypes.writtenFor(event).topic(), headers, event);
        String ceType = new String(headers.lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);

        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + ceType + ".json")) {
            assertThat(in).as("schema of %s", ceType).isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        var json = new ObjectMapper().readTree(body);
        assertThat(schema.validate(json)).as(new String(body, StandardCharsets.UTF_8)).isEmpty();
        // Only the record's fields travel: nothing derived (partitionKey, subject) leaks into the body.
        assertThat(json.has("partitionKey") || json.has("subject")).isFalse();

        assertThat(new CloudEventDeserializer().deserialize("t", headers, body)).isEqualTo(event);
        String topic = EventTypes.writtenFor(event).topic();
        assertThat(topic).isIn(Topics.PROGRAMME_EVENTS, Topics.QUARTERLY_UPDATE_EVENTS);
    }
}
