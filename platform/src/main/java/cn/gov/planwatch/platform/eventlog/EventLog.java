package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.problem.ProblemAnswers;
import cn.gov.planwatch.platform.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Appends events to their topic. The future completes only once the broker has acknowledged the
 * record to every in-sync replica (acks=all, idempotent producer) — that is what a 202 promises —
 * and fails with a 503 problem when the log cannot take it. Nothing blocks a request thread.
 */
public class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private final KafkaTemplate<String, PlanEvent> template;
    private final MeterRegistry meters;

    public EventLog(KafkaTemplate<String, PlanEvent> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
    }

    /**
     * Connects the producer to the brokers that lead each topic's partitions before the first request
     * needs them, so that the first report after a start is as quick as any other.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void connect() {
        for (String topic : Topics.EVENT_TOPICS) {
            try {
                template.partitionsFor(topic);
            } catch (RuntimeException e) {
                log.warn("event log not reachable yet for {}: {}", topic, e.getMessage());
            }
        }
    }

    public <E extends PlanEvent> CompletableFuture<E> append(E event) {
        EventType type = EventTypes.writtenFor(event);
        String topic = type.topic();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ProblemAnswers.RECORDING_ATTEMPTED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        CompletableFuture<?> sent;
        try {
            sent = template.send(topic, event.partitionKey(), event);
        } catch (RuntimeException e) {
            // send() itself throws when the producer cannot even get the topic's metadata in max.block.ms.
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((result, failure) -> {
            if (failure != null) {
                meters.counter("planwatch.events.rejected", "type", type.ceType(), "reason", reason(failure))
                        .increment();
                log.warn("event log refused {} {}: {}", event.getClass().getSimpleName(), event.eventId(),
                        failure.getMessage());
                throw new CompletionException(Problems.eventLogUnavailable(
                        "The event log cannot take the report now; nothing was recorded. Try again later."));
            }
            meters.counter("planwatch.events.accepted", "type", type.ceType()).increment();
            return event;
        });
    }

    /** The innermost cause's class: a small, stable set of values (timeouts, authorization, size …). */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
