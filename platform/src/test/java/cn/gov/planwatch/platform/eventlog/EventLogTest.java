package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.cloudevents.CloudEventSerializer;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A failed append is a 503 only when the record cannot be in the log; otherwise its outcome is unknown (504). */
class EventLogTest {

    @Test
    void aRecordThatNeverLeftTheProducerIsRefusedWithA503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // A real producer with no broker behind its bootstrap address: it cannot get the topic's metadata.
        var producers = new DefaultKafkaProducerFactory<String, PlanEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500));
        try {
            EventLog log = new EventLog(new KafkaTemplate<>(producers), new SimpleMeterRegistry());
            EventClaim claim = EventClaim.fresh(Instant.now());
            Throwable failure = catchThrowable(() -> log.append(claim, new ObservationReported(claim.eventId(),
                    "ip-2021-2025", "IND-01", "2023", new BigDecimal("11.8"), null, null, "CNIPA", "cnipa-reporter",
                    null, Instant.now(), "items", true)));
            ProblemException problem = (ProblemException) failure;
            assertThat(problem.status().value()).isEqualTo(503);
            assertThat(problem.type()).endsWith("/event-log-unavailable");
            assertThat(problem.retryAfterSeconds()).isNotNull();
            assertThat(claim.handedToLog()).as("the write had handed its event to the log").isTrue();
        } finally {
            producers.destroy();
        }
    }

    @Test
    void anEventThatCannotBeSerialisedIsNotAnOutage() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("planwatch.indicator-events", "IND-01", "{}");
        assertThat(EventLog.isLogFailure(new SerializationException("Can't serialize data",
                new IllegalStateException("illegal scale (10000)")))).isFalse();
        assertThat(EventLog.isLogFailure(new IllegalArgumentException("not from the Kafka client"))).isFalse();
        assertThat(EventLog.isLogFailure(new KafkaProducerException(record, "Send failed",
                new TimeoutException("Topic not present in metadata after 5000 ms.")))).isTrue();
        assertThat(EventLog.isLogFailure(new TimeoutException("Expiring 1 record(s)"))).isTrue();
    }

    @Test
    void aRecordThatTimedOutOrLostItsConnectionAfterLeavingMayBeInTheLog() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("planwatch.indicator-events", "IND-01", "{}");
        assertThat(EventLog.mayHaveReachedTheBroker(false, new KafkaProducerException(record, "Failed to send",
                new TimeoutException("Expiring 1 record(s) for planwatch.indicator-events-1:12000 ms has passed"
                        + " since batch creation")))).isTrue();
        assertThat(EventLog.mayHaveReachedTheBroker(false,
                new KafkaProducerException(record, "Failed to send", new NetworkException("disconnected"))))
                .isTrue();
    }

    @Test
    void aRecordRefusedBeforeItLeftOrRefusedForGoodIsNotInTheLog() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("planwatch.indicator-events", "IND-01", "{}");
        assertThat(EventLog.mayHaveReachedTheBroker(true, new KafkaProducerException(record, "Send failed",
                new TimeoutException("Topic planwatch.indicator-events not present in metadata after 5000 ms."))))
                .isFalse();
        assertThat(EventLog.mayHaveReachedTheBroker(false,
                new KafkaProducerException(record, "Failed to send", new RecordTooLargeException("too large"))))
                .isFalse();
    }
}
