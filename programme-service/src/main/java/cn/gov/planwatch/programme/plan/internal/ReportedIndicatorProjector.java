package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the indicator topic into the indicators with observations of each plan. The offset is committed after the
 * database transaction; a redelivered observation changes nothing.
 */
@Component
class ReportedIndicatorProjector {

    static final String LISTENER_ID = "programme-reported-indicators";

    /** A group of its own: it reads another service's topic, at its own pace. */
    static final String GROUP = "programme-service.reported-indicators";

    private final JdbcReportedIndicators indicators;

    ReportedIndicatorProjector(JdbcReportedIndicators indicators) {
        this.indicators = indicators;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP, topics = Topics.INDICATOR_EVENTS)
    @Transactional
    void on(PlanEvent event) {
        if (event instanceof ObservationReported observation) {
            indicators.apply(observation);
        }
    }
}
