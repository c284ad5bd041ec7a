package cn.gov.planwatch.reporting.ops.internal;

import cn.gov.planwatch.contracts.Topics;

import java.util.List;
import java.util.stream.Stream;

/** The topics operators watch: every PlanWatch topic, each followed by its dead-letter twin. */
public final class StreamTopics {

    private static final List<String> EVENT_TOPICS = List.of(Topics.INDICATOR_EVENTS, Topics.PROGRAMME_EVENTS,
            Topics.QUARTERLY_UPDATE_EVENTS);

    public static List<String> all() {
        return EVENT_TOPICS.stream().flatMap(topic -> Stream.of(topic, Topics.deadLetterTopicOf(topic))).toList();
    }

    /** For {@code @KafkaListener(topics = …)}, which takes an array. */
    public static String[] deadLetterTopics() {
        return EVENT_TOPICS.stream().map(Topics::deadLetterTopicOf).toArray(String[]::new);
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX);
    }

    private StreamTopics() {
    }
}
