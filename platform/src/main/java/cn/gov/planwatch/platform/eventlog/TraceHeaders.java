package cn.gov.planwatch.platform.eventlog;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record headers that carry the current trace into the log (the W3C {@code traceparent}), so that each projector's
 * handling of an event joins the trace of the request that appended it. Taken once for a whole transaction: a
 * submission of thousands of events carries its request's trace on each without a producer span per event.
 */
@FunctionalInterface
public interface TraceHeaders {

    /** No trace: the records carry no trace headers. */
    TraceHeaders NONE = Map::of;

    /** The current span's context as headers; none outside a span. */
    Map<String, String> current();

    /** The current span's context where the service traces; {@link #NONE} where it has no tracer or propagator. */
    static TraceHeaders of(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        return tracer == null || propagator == null ? NONE : of(tracer, propagator);
    }

    static TraceHeaders of(Tracer tracer, Propagator propagator) {
        return () -> {
            Span span = tracer.currentSpan();
            if (span == null) {
                return Map.of();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(span.context(), headers, Map::put);
            return headers;
        };
    }
}
