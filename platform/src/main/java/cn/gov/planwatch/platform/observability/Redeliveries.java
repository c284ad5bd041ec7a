package cn.gov.planwatch.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;

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

    private Redeliveries() {
    }
}
