package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.reporting.ops.ReplayAccepted;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-publishes a dead letter's original bytes and headers to its original topic under the same key, and
 * marks it replayed once the broker has acknowledged it. Every projection applies an event once per event
 * id, so a replay applies it exactly once even where an earlier attempt had half succeeded.
 */
@Component
public class DeadLetterReplayer implements DisposableBean {

    private final DeadLetterStore store;
    private final Clock clock;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producerFactory;
    private final KafkaTemplate<byte[], byte[]> template;

    DeadLetterReplayer(DeadLetterStore store, Clock clock, ProducerFactory<?, ?> producerFactory) {
        this.store = store;
        this.clock = clock;
        // Bytes in, bytes out: the record is not decoded, so even one no consumer could read goes back as it was.
        // Not a bean: another KafkaTemplate bean would switch off Boot's own.
        @SuppressWarnings("unchecked")
        var configured = (DefaultKafkaProducerFactory<byte[], byte[]>) producerFactory;
        this.producerFactory = (DefaultKafkaProducerFactory<byte[], byte[]>) configured.copyWithConfigurationOverride(
                Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.template = new KafkaTemplate<>(this.producerFactory);
    }

    /**
     * Holds the dead letter's row lock while it waits for the broker's ack (an operator's action, not a hot
     * path): a second replay of the same dead letter waits, then finds it REPLAYED.
     */
    @Transactional
    public ReplayAccepted replay(UUID id, String replayedBy) {
        DeadLetterStore.Replayable letter = store.lockForReplay(id)
                .orElseThrow(() -> Problems.notFound("dead letter", id.toString()));
        if (DeadLetterStore.REPLAYED.equals(letter.state())) {
            throw Problems.conflict("dead-letter-replayed", "Already replayed",
                    "Dead letter " + id + " was already replayed; a new failure of it is a new dead letter.");
        }
        List<Header> headers = letter.headers().stream()
                .<Header>map(h -> new RecordHeader(h.name(), h.value())).toList();
        RecordMetadata sent = send(new ProducerRecord<>(letter.topic(), null, null, letter.key(), letter.value(),
                headers));
        Instant now = clock.instant();
        store.markReplayed(id, now, replayedBy);
        return new ReplayAccepted(id, DeadLetterStore.REPLAYED, sent.topic(), sent.partition(), sent.offset(), now,
                replayedBy);
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return template.send(record).get(15, TimeUnit.SECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.springframework.kafka.KafkaException e) {
            // send() itself throws when the producer cannot get the topic's metadata in max.block.ms.
            throw unavailable();
        }
    }

    private static RuntimeException unavailable() {
        return Problems.eventLogUnavailable("The event log did not acknowledge the replay; the dead letter stays NEW.");
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
