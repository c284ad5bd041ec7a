package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

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

    public EventLog(KafkaTemplate<String, PlanEvent> template) {
        this.template = template;
    }

    public <E extends PlanEvent> CompletableFuture<E> append(E event) {
        String topic = EventTypes.writtenFor(event).topic();
        CompletableFuture<?> sent;
        try {
            sent = template.send(topic, event.partitionKey(), event);
        } catch (RuntimeException e) {
            // send() itself throws when the producer cannot even get the topic's metadata in max.block.ms.
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((result, failure) -> {
            if (failure != null) {
                log.warn("event log refused {} {}: {}", event.getClass().getSimpleName(), event.eventId(),
                        failure.getMessage());
                throw new CompletionException(Problems.eventLogUnavailable(
                        "The event log cannot take the report now; nothing was recorded. Try again later."));
            }
            return event;
        });
    }
}
