package cn.gov.planwatch.testsupport;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch settings of a service's listeners: those of topics of few events carry their own (answer at the first
 * event, wait longer when idle), those of reports none, so that they read in the service's batches.
 */
public final class ListenerFetch {

    /**
     * @param fewEvents which topics carry few events
     * @param settings  the {@code name=value} settings each of their listeners must carry
     */
    public static void assertOwnSettingsOnTopicsOfFewEventsOnly(KafkaListenerEndpointRegistry registry,
            Predicate<String> fewEvents, String... settings) {
        Map<String, String> expected = new TreeMap<>();
        for (String setting : settings) {
            String[] nameAndValue = setting.split("=", 2);
            expected.put(nameAndValue[0], nameAndValue[1]);
        }
        Map<String, Map<String, String>> fetchSettings = new TreeMap<>();
        Map<String, Boolean> ofFewEvents = new TreeMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            assertThat(topics).as("topics of %s", container.getListenerId()).isNotEmpty();
            ofFewEvents.put(container.getListenerId(), Arrays.stream(topics).allMatch(fewEvents));
            Properties own = container.getContainerProperties().getKafkaConsumerProperties();
            Map<String, String> fetch = new TreeMap<>();
            own.stringPropertyNames().stream().filter(name -> name.startsWith("fetch."))
                    .forEach(name -> fetch.put(name, own.getProperty(name)));
            fetchSettings.put(container.getListenerId(), fetch);
        }
        assertThat(ofFewEvents).as("listeners, and whether they read topics of few events")
                .containsValue(true).containsValue(false);
        ofFewEvents.forEach((listener, few) -> assertThat(fetchSettings.get(listener))
                .as("the fetch settings of %s", listener).isEqualTo(few ? expected : Map.of()));
    }

    private ListenerFetch() {
    }
}
