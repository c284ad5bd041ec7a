package cn.gov.planwatch.indicator.lock.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learns which agencies' quarters the lead agency has accepted (or returned) from the quarterly update
 * topic, which programme-service writes. Runs in the service's consumer group under its own listener id.
 */
@Component
class QuarterLockProjector {

    private final JdbcQuarterLocks locks;

    QuarterLockProjector(JdbcQuarterLocks locks) {
        this.locks = locks;
    }

    @KafkaListener(id = "indicator-quarter-locks", idIsGroup = false, topics = Topics.QUARTERLY_UPDATE_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof QuarterlyUpdateEvent step) {
            locks.apply(step);
        }
    }
}
