package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.Topics;

/**
 * How a listener of a topic that carries few events fetches them: plans, quarterly updates and dead letters, against
 * the reports every other listener reads. The services' fetch settings are for reports: a fetch waits for about
 * twenty events or 100 ms, so that a busy log is read in batches. A topic of few events never fills such a fetch, so
 * every one of its consumers would ask the broker ten times a second for nothing, at a cost to the broker and the
 * service whether or not anyone reports, and an event that does come would wait out the 100 ms. With these settings
 * (Kafka's own defaults) a fetch answers as soon as one event is there, and an idle consumer asks twice a second.
 * For {@code @KafkaListener(properties = {FewEventsFetch.ANSWER_AT_FIRST_EVENT, FewEventsFetch.WAIT_WHEN_IDLE})}.
 */
public final class FewEventsFetch {

    public static final String ANSWER_AT_FIRST_EVENT = "fetch.min.bytes=1";
    public static final String WAIT_WHEN_IDLE = "fetch.max.wait.ms=500";

    /** Whether a listener of {@code topic} takes these settings. */
    public static boolean carriesFewEvents(String topic) {
        return topic.equals(Topics.PLAN_EVENTS) || topic.equals(Topics.QUARTERLY_UPDATE_EVENTS)
                || topic.endsWith(Topics.DEAD_LETTER_SUFFIX);
    }

    private FewEventsFetch() {
    }
}
