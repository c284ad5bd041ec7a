package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.platform.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Appends events to their topic. An append returns only once the broker has acknowledged the
 * record to every in-sync replica (acks=all, idempotent producer) — that is what a 202 promises —
 * and throws a 503 problem when the log cannot take it, or a 504 problem when the log did not
 * confirm a record that may have reached it.
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

    /**
     * Appends the write's event and returns it once the log has acknowledged it; a refusal is thrown as it is (a
     * problem the caller answers with). The claim is marked as handed to the log first. The caller's thread, and any
     * lock or database connection it holds, waits as long as the append takes: milliseconds normally, at most the
     * producer's delivery timeout while the broker is down.
     */
    public <E extends PlanEvent> E append(EventClaim claim, E event) {
        claim.handOver();
        return acknowledged(send(event));
    }

    private <E extends PlanEvent> CompletableFuture<E> send(E event) {
        EventType type = EventTypes.writtenFor(event);
        String topic = type.topic();
        CompletableFuture<?> sent;
        try {
            sent = template.send(topic, event.partitionKey(), event);
        } catch (RuntimeException e) {
            // send() itself throws when the producer cannot even get the topic's metadata in max.block.ms.
            sent = CompletableFuture.failedFuture(e);
        }
        // Failed before send() returned: the record never reached the producer's buffer, let alone the broker.
        boolean failedBeforeSending = sent.isCompletedExceptionally();
        return sent.handle((result, failure) -> {
            if (failure != null) {
                if (!isLogFailure(failure)) {
                    // The event could not even be turned into a record (a value no rule should have let through):
                    // a defect here, not an outage — a 503 would have the client retry it forever.
                    meters.counter("planwatch.events.rejected", "type", type.ceType(), "reason", reason(failure))
                            .increment();
                    log.error("event {} {} could not be written as a record", event.getClass().getSimpleName(),
                            event.eventId(), failure);
                    throw new CompletionException(new IllegalStateException(
                            "the event could not be written as a record", failure));
                }
                boolean unconfirmed = mayHaveReachedTheBroker(failedBeforeSending, failure);
                meters.counter("planwatch.events.rejected", "type", type.ceType(), "reason", reason(failure))
                        .increment();
                log.warn("event log {} {} {}: {}", unconfirmed ? "did not confirm" : "refused",
                        event.getClass().getSimpleName(), event.eventId(), failure.getMessage());
                throw new CompletionException(unconfirmed
                        // The claimed key keeps this event's id, so a keyed resend appends the same id: recorded once.
                        ? Problems.eventLogUnconfirmed(BilingualText.of("The event log did not confirm the report in"
                                + " time: it may or may not have been recorded. Send it again with the same"
                                + " Idempotency-Key to have it recorded once; without a key, look it up before sending"
                                + " it again.", "事件日志未能及时确认本次报送，报送可能已记录，也可能未记录。请使用同一"
                                + " Idempotency-Key 重新发送，系统只会记录一次；未使用该键的，请先查询再决定是否重新发送。"))
                        : Problems.eventLogUnavailable(BilingualText.of("The event log cannot take the report now;"
                                + " nothing was recorded. Try again later.", "事件日志暂时无法接收报送，本次未记录任何内容，请稍后重试。")));
            }
            meters.counter("planwatch.events.accepted", "type", type.ceType()).increment();
            return event;
        });
    }

    private static <E> E acknowledged(CompletableFuture<E> appended) {
        try {
            return appended.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    /**
     * Whether a failed send may all the same have left the record in the log. A record in flight when the broker
     * died can be in its log without an acknowledgement ever coming back (the fault suite found one, after a broker
     * killed with SIGKILL came back): the producer then gives up with a timeout, or another retriable error. Such a
     * failure must not be answered "nothing was recorded". Only a send refused before it left (no metadata in
     * max.block.ms, a record too large for the producer) or a broker's definite refusal (not retriable) is known to
     * have recorded nothing.
     */
    static boolean mayHaveReachedTheBroker(boolean failedBeforeSending, Throwable failure) {
        if (failedBeforeSending) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the failure is the log's (the broker, the network, the producer's buffer, authorization): only then may
     * the answer be "the log cannot take it now". A record that cannot be serialised, or any failure not from the
     * Kafka client, is not the log's.
     */
    static boolean isLogFailure(Throwable failure) {
        boolean fromKafka = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerializationException) {
                return false;
            }
            fromKafka |= cause instanceof KafkaException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return fromKafka;
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
