package cn.gov.planwatch.contracts;

/** Kafka topic names. Versions live in the event types, not in topic names. */
public final class Topics {

    /** Indicator observations, keyed by indicator code. */
    public static final String INDICATOR_EVENTS = "planwatch.indicator-events";

    /** Programme progress reports, keyed by programme slug. */
    public static final String PROGRAMME_EVENTS = "planwatch.programme-events";

    /** Quarterly update lifecycle (submitted, accepted, returned), keyed by agency code. */
    public static final String QUARTERLY_UPDATE_EVENTS = "planwatch.quarterly-update-events";

    /** Suffix of the dead-letter topic that mirrors each topic's partitions. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
