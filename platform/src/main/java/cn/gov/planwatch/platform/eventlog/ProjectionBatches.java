package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.platform.observability.ProjectionLag;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Folds what one poll of the log brought into a read model in one database transaction: a commit per batch instead
 * of per event is most of what a projector can gain under load. Exactly once still rests on each read model's
 * event-id key, written in that same transaction.
 * <p>
 * A batch that cannot be folded whole is folded again event by event, each under a savepoint, to find the first
 * event that fails; those before it are folded together, and the listener names it to the error handler
 * ({@link BatchListenerFailedException}), which commits the offsets of those before it, retries it, and at the end of
 * its attempts sends it alone to the dead-letter topic, while the events after it are polled again. A record that
 * does not decode is named the same way, after the events before it are folded. A database that is down fails the
 * first event, which the error handler retries until the database is back.
 */
public final class ProjectionBatches {

    /**
     * A projector's consumers ({@code @KafkaListener(concurrency = …)}): one per partition of its topic, so that a
     * backlog is folded a partition per transaction side by side, the database working on one batch while the
     * service decodes the next. Events of one key share a partition, so each key's events are still folded in order
     * by one consumer.
     */
    public static final String ONE_CONSUMER_PER_PARTITION = "${planwatch.kafka.partitions}";

    /**
     * Has the current transaction's statements planned for the batch it folds (see {@link #planForThisBatch()}); a
     * rebuild's batches too, whose tables start empty.
     */
    public static final String PLAN_FOR_THIS_BATCH = "set local plan_cache_mode = force_custom_plan";

    private final TransactionTemplate transactions;
    private final TransactionTemplate eachUnderSavepoint;
    private final JdbcOperations jdbc;
    private final ProjectionLag lag;

    public ProjectionBatches(PlatformTransactionManager transactionManager, JdbcOperations jdbc, ProjectionLag lag) {
        this.jdbc = jdbc;
        this.lag = lag;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eachUnderSavepoint = new TransactionTemplate(transactionManager);
        eachUnderSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Folds the records' events with {@code fold}, which is given the events of one transaction in log order: all of
     * them, or after a failure one at a time. {@code listener} names the projector in its lag.
     */
    public void fold(String listener, List<? extends ConsumerRecord<?, ? extends PlanEvent>> records,
            Consumer<List<PlanEvent>> fold) {
        int undecodable = firstUndecodable(records);
        List<PlanEvent> events = records.subList(0, undecodable).stream().<PlanEvent>map(ConsumerRecord::value).toList();
        try {
            if (!events.isEmpty()) {
                foldTogether(events, fold);
            }
        } catch (RuntimeException batchFailed) {
            foldOneByOne(events, fold);
        }
        if (undecodable > 0) {
            lag.applied(listener, records.get(undecodable - 1).headers());
        }
        if (undecodable < records.size()) {
            throw new BatchListenerFailedException("record does not decode", failure(records.get(undecodable)),
                    undecodable);
        }
    }

    /**
     * Folds the events one at a time, each under a savepoint of one transaction, to find the first that fails. If
     * none does, that transaction commits them. If one does, it is rolled back, the events before the failing one
     * are folded together in a transaction of their own, and the failing one is named to the error handler. Whatever
     * else fails here — the database itself included — is named on the first event, so that the error handler never
     * gives up on a whole batch at once.
     */
    private void foldOneByOne(List<PlanEvent> events, Consumer<List<PlanEvent>> fold) {
        int[] failedAt = {-1};
        RuntimeException[] failure = {null};
        try {
            transactions.executeWithoutResult(batch -> {
                planForThisBatch();
                for (int i = 0; i < events.size() && failedAt[0] < 0; i++) {
                    List<PlanEvent> one = List.of(events.get(i));
                    try {
                        eachUnderSavepoint.executeWithoutResult(event -> fold.accept(one));
                    } catch (RuntimeException failed) {
                        failedAt[0] = i;
                        failure[0] = failed;
                        batch.setRollbackOnly();
                    }
                }
            });
            if (failedAt[0] > 0) {
                foldTogether(events.subList(0, failedAt[0]), fold);
            }
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException("batch cannot be folded", failed, 0);
        }
        if (failedAt[0] >= 0) {
            throw new BatchListenerFailedException("event " + events.get(failedAt[0]).eventId() + " cannot be folded",
                    failure[0], failedAt[0]);
        }
    }

    /** Folds the events in one transaction, its statements planned for them. */
    private void foldTogether(List<PlanEvent> events, Consumer<List<PlanEvent>> fold) {
        transactions.executeWithoutResult(batch -> {
            planForThisBatch();
            fold.accept(events);
        });
    }

    /**
     * Has the current transaction's statements planned for the batch it folds. A projector's connections
     * live for hours and run the same statements thousands of times: PostgreSQL then keeps a generic plan of each,
     * made while the read model's tables were as small as they are after a start, and runs it on every batch after —
     * once a table has grown, a scan of it for each event of a batch, until fresh statistics happen to invalidate the
     * plan (a bulk submission then reaches the national view in seconds instead of half of one). Planned for each
     * batch instead, with its size and the tables' as they are, a fold pays a planning per statement, a fraction of a
     * millisecond.
     */
    private void planForThisBatch() {
        jdbc.execute(PLAN_FOR_THIS_BATCH);
    }

    /** The events of the given type, in their order. */
    public static <E extends PlanEvent> List<E> only(Class<E> type, List<PlanEvent> events) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * One field of each event, in the batch's order: a column of the batch as one array parameter, so that a
     * statement writes the whole batch by unnesting its columns together.
     */
    public static <E extends PlanEvent> String[] column(List<E> events, Function<? super E, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }

    /** The events' ids, as the batch's {@code event_id} column. */
    public static UUID[] eventIds(List<? extends PlanEvent> events) {
        return events.stream().map(PlanEvent::eventId).toArray(UUID[]::new);
    }

    /**
     * When each event was recorded, as the batch's {@code recorded_at} column: cut to the microseconds the column
     * keeps here, as every path that writes a read model does, so that a rebuild equals the live fold.
     */
    public static String[] recordedAt(List<? extends PlanEvent> events) {
        return events.stream().map(e -> e.recordedAt().truncatedTo(ChronoUnit.MICROS).toString())
                .toArray(String[]::new);
    }

    private static int firstUndecodable(List<? extends ConsumerRecord<?, ? extends PlanEvent>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                return i;
            }
        }
        return records.size();
    }

    private static RuntimeException failure(ConsumerRecord<?, ?> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        return failure != null ? failure : new IllegalStateException("record without a value");
    }
}
