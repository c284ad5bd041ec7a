package cn.gov.planwatch.contracts;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/** The one JSON mapping of event bodies, so that every writer and reader agree byte for byte. */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            // Newer writers may add fields; an older reader must still read the event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Plan documents travel as JSON trees; their targets and baselines must keep every digit.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("event-instants").addDeserializer(Instant.class, new EventInstants()))
            .build();

    private EventJson() {
    }
}
