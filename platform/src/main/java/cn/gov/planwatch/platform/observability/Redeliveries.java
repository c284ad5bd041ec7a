package cn.gov.planwatch.platform.observability;

import cn.gov.planwatch.contracts.PlanEvent;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * {@code planwatch.projection.redelivered{listener}}: events a projector received again after it had applied them,
 * and skipped. Kafka delivers at least once (a crash between the database commit and the offset commit, a rewound
 * group, a producer's retry), so these are expected; the count shows the event-id key doing its work.
 */
public final class Redeliveries {

    public static final String METER = "planwatch.projection.redelivered";

    public static void count(MeterRegistry meters, String listener) {
        meters.counter(METER, "listener", listener).increment();
    }

    /**
     * Counts the events of a batch that its fold skipped as applied before, and tells {@code each} of every event
     * whether it was applied now. The same event twice in one batch is applied once: the second is a redelivery.
     */
    public static <E extends PlanEvent> void count(MeterRegistry meters, String listener, List<E> events,
            Collection<UUID> appliedNow, BiConsumer<E, Boolean> each) {
        Set<UUID> applied = new HashSet<>(appliedNow);
        for (E event : events) {
            boolean now = applied.remove(event.eventId());
            each.accept(event, now);
            if (!now) {
                count(meters, listener);
            }
        }
    }

    private Redeliveries() {
    }
}
