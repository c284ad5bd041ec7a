package cn.gov.planwatch.contracts;

import java.util.Objects;

/**
 * One version of one kind of event: its CloudEvents {@code type} is {@code name + ".v" + version}.
 * A consumer keeps reading every version still in the log, so old versions are never removed from
 * {@link EventTypes}; {@link #decoder} turns an old version's JSON into the current record.
 */
public record EventType(String name, int version, String topic, Class<? extends PlanEvent> javaType,
        EventDecoder decoder) {

    public EventType {
        Objects.requireNonNull(name);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(javaType);
        Objects.requireNonNull(decoder);
        if (version < 1) {
            throw new IllegalArgumentException("version must be ≥ 1");
        }
    }

    /** The version whose JSON binds straight onto {@code javaType}. */
    public static EventType current(String name, int version, String topic, Class<? extends PlanEvent> javaType) {
        return new EventType(name, version, topic, javaType, (mapper, data) -> mapper.readValue(data, javaType));
    }

    public String ceType() {
        return name + ".v" + version;
    }

    /** Reads one version's JSON body into the current event record. */
    @FunctionalInterface
    public interface EventDecoder {
        PlanEvent decode(tools.jackson.databind.json.JsonMapper mapper, byte[] data);
    }
}
