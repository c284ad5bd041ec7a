package cn.gov.planwatch.contracts;

import java.util.List;
import java.util.stream.Stream;

/** Kafka topic names. Versions live in the event types, not in topic names. */
public final class Topics {

    /** Indicator observations, keyed by indicator code. */
    public static final String INDICATOR_EVENTS = "planwatch.indicator-events";

    /** Programme progress reports, keyed by programme slug. */
    public static final String PROGRAMME_EVENTS = "planwatch.programme-events";

    /** Quarterly update lifecycle (submitted, accepted, returned), keyed by agency code. */
    public static final String QUARTERLY_UPDATE_EVENTS = "planwatch.quarterly-update-events";

    /**
     * Plans published, amended and closed, keyed by plan id; each published or amended event carries the whole
     * plan document, so a reader folds a plan from this topic alone.
     */
    public static final String PLAN_EVENTS = "planwatch.plan-events";

    /** Every topic PlanWatch writes events to (each has a dead-letter twin). */
    public static final List<String> EVENT_TOPICS = List.of(INDICATOR_EVENTS, PROGRAMME_EVENTS,
            QUARTERLY_UPDATE_EVENTS, PLAN_EVENTS);

    /** Every event topic, each followed by its dead-letter twin. */
    public static List<String> withDeadLetterTopics() {
        return EVENT_TOPICS.stream().flatMap(topic -> Stream.of(topic, deadLetterTopicOf(topic))).toList();
    }

    /** Suffix of the dead-letter topic that mirrors each topic's partitions. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
