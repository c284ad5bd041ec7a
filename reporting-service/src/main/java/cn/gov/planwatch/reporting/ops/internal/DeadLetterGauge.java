package cn.gov.planwatch.reporting.ops.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code planwatch.dead.letters{state}}: dead letters waiting for an operator (NEW), and those replayed. */
@Component
class DeadLetterGauge implements MeterBinder {

    private final DeadLetterStore store;

    DeadLetterGauge(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : List.of(DeadLetterStore.NEW, DeadLetterStore.REPLAYED)) {
            Gauge.builder("planwatch.dead.letters", () -> count(state))
                    .description("Dead letters recorded from every <topic>.dlt, by state")
                    .tag("state", state)
                    .register(registry);
        }
    }

    private double count(String state) {
        try {
            return store.count(state);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is down: no figure rather than a wrong one
        }
    }
}
