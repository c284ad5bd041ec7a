package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.platform.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends many events as one Kafka transaction: a consumer reading {@code read_committed} (every consumer of the
 * product) sees all of them or none. Each event goes to its own type's topic, as {@link EventLog} would append it
 * alone, so every projector folds it unchanged. Returns once the transaction is committed; a send or a commit the
 * log refuses aborts the transaction and is a 503 (nothing was recorded), a commit whose outcome the log did not
 * confirm in time is a 504 (it may have been recorded: the same events, with the same ids, may be sent again).
 */
public class TransactionalEventLog implements AutoCloseable {

    /**
     * Called after each event is handed to the producer, inside the transaction. Throwing aborts the transaction:
     * the tests use it to abort one midway, once part of it has reached the broker.
     */
    @FunctionalInterface
    public interface SendCheckpoint {

        SendCheckpoint NONE = (operations, sent, total) -> { };

        void afterSend(KafkaOperations<String, PlanEvent> operations, int sent, int total);
    }

    private static final Logger log = LoggerFactory.getLogger(TransactionalEventLog.class);

    private final KafkaTemplate<String, PlanEvent> template;
    private final MeterRegistry meters;
    private final TraceHeaders trace;
    private final SendCheckpoint checkpoint;

    /**
     * @param template a template whose producer factory is transactional (its own transactional id prefix), not
     *                 observed: {@code trace} carries the request's trace onto every record instead
     */
    public TransactionalEventLog(KafkaTemplate<String, PlanEvent> template, MeterRegistry meters, TraceHeaders trace,
            SendCheckpoint checkpoint) {
        if (!template.isTransactional()) {
            throw new IllegalArgumentException("the template's producer factory must be transactional");
        }
        this.template = template;
        this.meters = meters;
        this.trace = trace;
        this.checkpoint = checkpoint;
    }

    /**
     * Appends every event of the write in one transaction, in order, and waits for its commit; the claim is marked
     * as handed to the log first. Blocks the calling thread, which holds whatever locks must span the append.
     */
    public <E extends PlanEvent> List<E> appendAll(EventClaim claim, List<E> events) {
        claim.handOver();
        List<Header> traceHeaders = trace.current().entrySet().stream()
                .<Header>map(h -> new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        try {
            template.executeInTransaction(operations -> {
                for (int i = 0; i < events.size(); i++) {
                    E event = events.get(i);
                    operations.send(new ProducerRecord<>(EventTypes.writtenFor(event).topic(), null,
                            event.partitionKey(), event, traceHeaders));
                    checkpoint.afterSend(operations, i + 1, events.size());
                }
                return null;
            });
        } catch (RuntimeException failure) {
            meters.counter("planwatch.events.rejected", "type", "transaction", "reason",
                    failure.getClass().getSimpleName()).increment();
            if (committedMaybe(failure)) {
                log.warn("event log did not confirm a transaction of {} events: {}", events.size(),
                        failure.toString());
                throw Problems.eventLogUnconfirmed(BilingualText.of("The event log did not confirm the submission in"
                        + " time: it may or may not have been recorded, as a whole. Send it again with the same"
                        + " Idempotency-Key to have it recorded once; without a key, look it up before sending it"
                        + " again.", "事件日志未能及时确认本次报送，报送可能已整体记录，也可能未记录。请使用同一"
                        + " Idempotency-Key 重新发送，系统只会记录一次；未使用该键的，请先查询再决定是否重新发送。"));
            }
            if (!EventLog.isLogFailure(failure)) {
                throw failure;
            }
            log.warn("event log refused a transaction of {} events, aborted: {}", events.size(), failure.toString());
            throw Problems.eventLogUnavailable(BilingualText.of("The event log cannot take the submission now;"
                    + " nothing was recorded. Try again later.", "事件日志暂时无法接收本次报送，未记录任何内容，请稍后重试。"));
        }
        // One meter lookup per type, not per event: a submission holds thousands of events of one or two types.
        Map<String, Long> acceptedByType = new HashMap<>();
        for (E event : events) {
            acceptedByType.merge(EventTypes.writtenFor(event).ceType(), 1L, Long::sum);
        }
        acceptedByType.forEach((type, accepted) ->
                meters.counter("planwatch.events.accepted", "type", type).increment(accepted));
        return events;
    }

    /** Closes the transactional producers, so that the broker fences no transaction of this instance left open. */
    @Override
    public void close() throws Exception {
        if (template.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    /**
     * Whether the transaction may have been committed all the same: only a commit that timed out leaves that open.
     * A failed send, or any refusal before the commit, aborts the transaction.
     */
    static boolean committedMaybe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException && cause.getMessage() != null
                    && cause.getMessage().contains("EndTxn")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
