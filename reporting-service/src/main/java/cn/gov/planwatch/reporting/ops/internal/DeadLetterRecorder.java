package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.platform.eventlog.FewEventsFetch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every record of every dead-letter topic, whichever service's listener gave up on it. Reads raw
 * bytes through its own container factory: a dead letter may be unreadable by definition.
 */
@Component
class DeadLetterRecorder {

    static final String GROUP = "reporting-service.dead-letters";
    /**
     * A second instance that replays the log into another database (a rebuild, the fault suite's clean replay)
     * names its own group here, so that it neither takes dead letters from the live instance nor commits for it.
     */
    static final String GROUP_SETTING = "${planwatch.dead-letters.group-id:" + GROUP + "}";

    private final DeadLetterStore store;

    DeadLetterRecorder(DeadLetterStore store) {
        this.store = store;
    }

    @KafkaListener(id = "dead-letters", groupId = GROUP_SETTING,
            topics = "#{T(cn.gov.planwatch.reporting.ops.internal.StreamTopics).deadLetterTopics()}",
            containerFactory = OpsConfiguration.DEAD_LETTER_CONTAINER_FACTORY,
            properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})
    void on(ConsumerRecord<byte[], byte[]> record) {
        store.record(DeadLetter.from(record));
    }
}
