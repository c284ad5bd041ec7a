package cn.gov.planwatch.platform.eventlog;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionalEventLogTest {

    @Test
    void onlyACommitThatTimedOutMayHaveRecordedTheTransaction() {
        assertThat(TransactionalEventLog.committedMaybe(new KafkaException("commit failed",
                new TimeoutException("Timeout expired after 5000ms while awaiting EndTxn(true)")))).isTrue();
        assertThat(TransactionalEventLog.committedMaybe(new TimeoutException(
                "Timeout expired after 5000ms while awaiting InitProducerId"))).as("never began").isFalse();
        assertThat(TransactionalEventLog.committedMaybe(new KafkaException("the broker went away"))).isFalse();
    }
}
