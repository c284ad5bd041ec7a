package cn.gov.planwatch.gateway.access;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request on logger {@code planwatch.access}: method, path, status, milliseconds and the
 * trace id, which the services and their projectors log too — so a report can be followed from here to
 * the read model. Never headers or bodies.
 */
@Component
public class AccessLog implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("planwatch.access");

    private final Tracer tracer;

    public AccessLog(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public int getOrder() {
        // Inside the server's observation, so the trace exists; before security, so refusals are logged too.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            access.info("access method={} path={} status={} ms={} trace={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                    (System.nanoTime() - start) / 1_000_000, traceId(exchange));
        });
    }

    /**
     * The request's span is read from its observation, kept with the exchange, rather than from a thread-local:
     * copying thread-locals across every reactive operator (context propagation "auto") cost about a tenth of
     * the gateway's CPU per request (perf/run-benchmarks.sh).
     */
    private String traceId(ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context
                        .get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElseGet(tracer::currentSpan);
        return span == null ? "-" : span.context().traceId();
    }
}
