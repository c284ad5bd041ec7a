package cn.gov.planwatch.contracts.cloudevents;

import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a {@link PlanEvent} as a CloudEvents 1.0 binary-mode Kafka record: attributes in
 * {@code ce_*} headers, the event record as the JSON body.
 * Configure {@value #SOURCE_CONFIG} with the writing service's URI reference.
 */
public class CloudEventSerializer implements Serializer<PlanEvent> {

    public static final String SOURCE_CONFIG = "planwatch.cloudevents.source";

    private String source = "/planwatch";

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, PlanEvent event) {
        return event == null ? null : EventJson.MAPPER.writeValueAsBytes(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, PlanEvent event) {
        if (event == null) {
            return null;
        }
        // A record re-published (to a dead-letter topic, say) keeps the attributes it was born with.
        if (headers.lastHeader(CloudEventHeaders.ID) == null) {
            EventType type = EventTypes.writtenFor(event);
            put(headers, CloudEventHeaders.SPEC_VERSION, EventTypes.SPEC_VERSION);
            put(headers, CloudEventHeaders.ID, event.eventId().toString());
            put(headers, CloudEventHeaders.TYPE, type.ceType());
            put(headers, CloudEventHeaders.SOURCE, source);
            put(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.recordedAt()));
            put(headers, CloudEventHeaders.SUBJECT, event.subject());
            put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        }
        return serialize(topic, event);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
