package cn.gov.planwatch.contracts.cloudevents;

import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads a CloudEvents binary-mode record into the current {@link PlanEvent} record, whatever
 * version of its type wrote it. Anything it cannot read fails loudly, so that the consumer's
 * error handler sends the record to its dead-letter topic instead of skipping it.
 */
public class CloudEventDeserializer implements Deserializer<PlanEvent> {

    @Override
    public PlanEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("a CloudEvents binary-mode record needs its headers");
    }

    @Override
    public PlanEvent deserialize(String topic, Headers headers, byte[] data) {
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!EventTypes.SPEC_VERSION.equals(specVersion)) {
            throw new SerializationException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String ceType = header(headers, CloudEventHeaders.TYPE);
        EventType type = EventTypes.byCeType(ceType)
                .orElseThrow(() -> new SerializationException("unknown event type '" + ceType + "'"));
        if (data == null || data.length == 0) {
            throw new SerializationException(ceType + " has no body");
        }
        PlanEvent event;
        try {
            event = type.decoder().decode(EventJson.MAPPER, data);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read " + ceType + ": " + e.getMessage(), e);
        }
        String ceId = header(headers, CloudEventHeaders.ID);
        if (event.eventId() == null || !event.eventId().equals(UUID.fromString(ceId))) {
            throw new SerializationException("ce_id " + ceId + " does not match the body's eventId " + event.eventId());
        }
        return event;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new SerializationException("missing CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
