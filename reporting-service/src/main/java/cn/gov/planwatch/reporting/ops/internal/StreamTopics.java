package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.contracts.Topics;

import java.util.List;

/** The topics operators watch: every PlanWatch topic, each followed by its dead-letter twin. */
public final class StreamTopics {

    public static List<String> all() {
        return Topics.withDeadLetterTopics();
    }

    /** For {@code @KafkaListener(topics = …)}, which takes an array. */
    public static String[] deadLetterTopics() {
        return Topics.EVENT_TOPICS.stream().map(Topics::deadLetterTopicOf).toArray(String[]::new);
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX);
    }

    private StreamTopics() {
    }
}
