package cn.gov.planwatch.platform.rebuild;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.cloudevents.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A read model that can be rebuilt from the log: declared as a bean, it is rebuilt by {@link ProjectionRebuilds}.
 *
 * @param name          what operators call it, in {@code /api/v1/ops/projections/{name}}
 * @param tables        its tables in the service's schema, unqualified, in the order the live projector writes them
 *                      (the swap locks them in this order, so that it waits for a projector's transaction instead
 *                      of deadlocking with it); a rebuild fills a fresh copy of each
 *                      ({@code create table … (like … including all)}) and then replaces the live contents with it
 * @param topics        the topics it folds
 * @param consumerGroup the live projector's consumer group: the dead letters that group wrote are the events a
 *                      rebuild may leave out
 * @param apply         the live projector's own fold of one record into the given tables, run in a transaction the
 *                      rebuild opens; a record it cannot apply throws
 * @param carryOver     what the live tables hold that is not in the log (an operator's mark), copied into the fresh
 *                      tables in the swap's transaction, just before they replace the live ones
 * @param bulkLoad      a faster way to fill the fresh tables with the bulk of the log, or null to apply it record by
 *                      record
 */
public record RebuildableProjection(String name, List<String> tables, List<String> topics, String consumerGroup,
        Apply apply, CarryOver carryOver, BulkLoad bulkLoad) {

    private static final CloudEventDeserializer EVENTS = new CloudEventDeserializer();

    public RebuildableProjection {
        tables = List.copyOf(tables);
        topics = List.copyOf(topics);
    }

    /** A read model that is all in the log, filled record by record. */
    public RebuildableProjection(String name, List<String> tables, List<String> topics, String consumerGroup,
            Apply apply) {
        this(name, tables, topics, consumerGroup, apply, (live, fresh) -> { }, null);
    }

    public RebuildableProjection withCarryOver(CarryOver carryOver) {
        return new RebuildableProjection(name, tables, topics, consumerGroup, apply, carryOver, bulkLoad);
    }

    public RebuildableProjection withBulkLoad(BulkLoad bulkLoad) {
        return new RebuildableProjection(name, tables, topics, consumerGroup, apply, carryOver, bulkLoad);
    }

    /** Folds one record of the log into the given tables. */
    @FunctionalInterface
    public interface Apply {
        void apply(ConsumerRecord<byte[], byte[]> record, ProjectionTables tables);
    }

    /** Copies what is not in the log from the live tables into the fresh ones, by SQL of the projection's. */
    @FunctionalInterface
    public interface CarryOver {
        void copy(ProjectionTables live, ProjectionTables fresh);
    }

    /**
     * Fills the fresh tables, which nothing else writes, with the bulk of the log a batch at a time (in one
     * transaction each; a batch that fails is applied record by record instead), before the catch-up applies the
     * rest record by record.
     */
    @FunctionalInterface
    public interface BulkLoad {
        void append(List<ConsumerRecord<byte[], byte[]>> batch, ProjectionTables fresh);
    }

    /** A fold of the CloudEvents the live projector reads; a record that does not decode is refused as undecodable. */
    public static Apply events(BiConsumer<PlanEvent, ProjectionTables> fold) {
        return (record, tables) -> fold.accept(decode(record), tables);
    }

    /** The CloudEvent a record holds, as the live projector reads it. */
    public static PlanEvent decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return EVENTS.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException undecodable) {
            throw new UndecodableRecord(undecodable);
        }
    }

    /** A record of the log the projection's deserializer cannot read. */
    public static final class UndecodableRecord extends RuntimeException {
        UndecodableRecord(Throwable cause) {
            super("undecodable: " + cause.getMessage(), cause);
        }
    }
}
