package cn.gov.planwatch.platform.observability;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code planwatch.projection.lag{listener}}: for each Kafka listener, how long after it was recorded
 * ({@code ce_time}) the last event it applied was applied. Read from the listener observation, so no
 * projector needs code for it; a failed attempt is not an application and leaves the gauge as it was.
 * The value is taken when the event is applied, so an idle listener keeps its last lag rather than aging.
 */
public class ProjectionLag implements ObservationHandler<KafkaRecordReceiverContext> {

    public static final String METER = "planwatch.projection.lag";

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicReference<Double>> seconds = new ConcurrentHashMap<>();

    public ProjectionLag(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaRecordReceiverContext;
    }

    @Override
    public void onStop(KafkaRecordReceiverContext context) {
        // Dead-letter topics hold old failures: their age is not a projection's lag.
        if (context.getError() != null || context.getRecord().topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return;
        }
        // A concurrent container's consumers are "<id>-0", "<id>-1" …: one gauge per listener, not per thread.
        applied(context.getListenerId() == null ? "unknown" : context.getListenerId().replaceFirst("-\\d+$", ""),
                context.getRecord().headers());
    }

    /**
     * The listener has just applied the event with these headers (a listener of batches, which no observation
     * follows record by record, says so of the last event of each batch it applied).
     */
    public void applied(String listener, Headers headers) {
        Instant recordedAt = recordedAt(headers.lastHeader(CloudEventHeaders.TIME));
        if (recordedAt == null) {
            return;
        }
        double lag = Duration.between(recordedAt, clock.instant()).toMillis() / 1000.0;
        seconds.computeIfAbsent(listener, this::register).set(lag);
    }

    private AtomicReference<Double> register(String listener) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(METER, value, AtomicReference::get)
                .description("Seconds between an event's recording and its application by this listener, "
                        + "for the last event applied")
                .baseUnit("seconds")
                .tag("listener", listener)
                .register(meters);
        return value;
    }

    private static Instant recordedAt(Header time) {
        if (time == null || time.value() == null) {
            return null;
        }
        try {
            return Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
