package cn.gov.planwatch.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka security of docker-compose.yml, on a real broker: SASL/SCRAM-SHA-512 and the ACLs of
 * docker/kafka-acls.txt, applied as the compose file's kafka-init job applies them. Each service, as its own user,
 * produces and consumes its own topics in its own consumer groups and is refused everything else; the auth server
 * only reads the plans.
 */
class KafkaAclsIT {

    private static final String INDICATOR = "indicator-service";
    private static final String PROGRAMME = "programme-service";
    private static final String REPORTING = "reporting-service";
    private static final String AUTH_SERVER = "auth-server";
    private static final String INDICATOR_EVENTS = "planwatch.indicator-events";
    private static final String PROGRAMME_EVENTS = "planwatch.programme-events";
    private static final String QUARTERLY_EVENTS = "planwatch.quarterly-update-events";
    private static final String PLAN_EVENTS = "planwatch.plan-events";

    private static final KafkaAcls ACLS = KafkaAcls.ofCompose();
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static ScramKafkaBroker broker;

    @BeforeAll
    static void startTheSecuredBroker() {
        ACLS.principals().forEach(user -> PASSWORDS.put(user, UUID.randomUUID().toString()));
        broker = ScramKafkaBroker.start();
        broker.apply(ACLS, PASSWORDS);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theFileNamesEveryServiceAndEveryTopicWithItsDeadLetterTwin() {
        assertThat(ACLS.principals()).containsExactly(AUTH_SERVER, INDICATOR, PROGRAMME, REPORTING);
        assertThat(ACLS.topics()).containsExactlyInAnyOrder(INDICATOR_EVENTS, INDICATOR_EVENTS + ".dlt",
                PROGRAMME_EVENTS, PROGRAMME_EVENTS + ".dlt", QUARTERLY_EVENTS, QUARTERLY_EVENTS + ".dlt", PLAN_EVENTS,
                PLAN_EVENTS + ".dlt");
    }

    @Test
    void indicatorServiceWritesAndReadsItsOwnTopicInItsOwnGroup() {
        String value = send(INDICATOR, INDICATOR_EVENTS);
        assertThat(read(INDICATOR, INDICATOR + ".observations-" + UUID.randomUUID(), INDICATOR_EVENTS))
                .contains(value);
        send(INDICATOR, INDICATOR_EVENTS + ".dlt");
        send(INDICATOR, QUARTERLY_EVENTS + ".dlt");
    }

    @Test
    void programmeServiceWritesAndReadsItsOwnTopicsInItsOwnGroup() {
        String progress = send(PROGRAMME, PROGRAMME_EVENTS);
        String step = send(PROGRAMME, QUARTERLY_EVENTS);
        String group = PROGRAMME + ".progress-" + UUID.randomUUID();
        assertThat(read(PROGRAMME, group, PROGRAMME_EVENTS)).contains(progress);
        assertThat(read(PROGRAMME, group + "-steps", QUARTERLY_EVENTS)).contains(step);
    }

    @Test
    void programmeServiceRecordsPlansAndEveryServiceReadsThem() {
        String published = send(PROGRAMME, PLAN_EVENTS);
        for (String service : List.of(INDICATOR, PROGRAMME, REPORTING)) {
            assertThat(read(service, service + ".plans-" + UUID.randomUUID(), PLAN_EVENTS)).contains(published);
        }
        send(INDICATOR, PLAN_EVENTS + ".dlt");
        send(PROGRAMME, PLAN_EVENTS + ".dlt");
        assertRefused(() -> send(INDICATOR, PLAN_EVENTS), TopicAuthorizationException.class);
    }

    @Test
    void theAuthServerReadsThePlansInItsOwnGroupAndNothingElse() {
        String published = send(PROGRAMME, PLAN_EVENTS);
        assertThat(read(AUTH_SERVER, AUTH_SERVER + ".plans-" + UUID.randomUUID(), PLAN_EVENTS)).contains(published);
        send(INDICATOR, INDICATOR_EVENTS);
        assertRefused(() -> read(AUTH_SERVER, AUTH_SERVER + ".x-" + UUID.randomUUID(), INDICATOR_EVENTS),
                TopicAuthorizationException.class);
        assertRefused(() -> read(AUTH_SERVER, PROGRAMME + ".plans", PLAN_EVENTS), GroupAuthorizationException.class);
    }

    /** With no Write on any topic it is refused already the producer id that every (idempotent) producer needs. */
    @Test
    void theAuthServerWritesNoTopicNotEvenAPlanDeadLetter() {
        assertThat(ACLS.topics()).allSatisfy(topic ->
                assertRefused(() -> send(AUTH_SERVER, topic), AuthorizationException.class));
    }

    @Test
    void programmeServiceReadsTheObservationsAnAmendmentMustKeep() {
        String observation = send(INDICATOR, INDICATOR_EVENTS);
        assertThat(read(PROGRAMME, PROGRAMME + ".reported-indicators-" + UUID.randomUUID(), INDICATOR_EVENTS))
                .contains(observation);
        send(PROGRAMME, INDICATOR_EVENTS + ".dlt");
    }

    @Test
    void indicatorServiceReadsTheQuarterlyStepsItLocksOn() {
        String step = send(PROGRAMME, QUARTERLY_EVENTS);
        assertThat(read(INDICATOR, INDICATOR + ".locks-" + UUID.randomUUID(), QUARTERLY_EVENTS)).contains(step);
    }

    @Test
    void reportingServiceReadsEveryEventTopicAndDeadLetterAndReplaysToTheOriginalTopic() {
        String observation = send(INDICATOR, INDICATOR_EVENTS);
        String deadLetter = send(INDICATOR, INDICATOR_EVENTS + ".dlt");
        assertThat(read(REPORTING, REPORTING + ".national-view-" + UUID.randomUUID(), INDICATOR_EVENTS))
                .contains(observation);
        assertThat(read(REPORTING, REPORTING + ".dead-letters-" + UUID.randomUUID(), INDICATOR_EVENTS + ".dlt"))
                .contains(deadLetter);
        send(REPORTING, INDICATOR_EVENTS); // a dead letter's replay
    }

    @Test
    void aServiceReadsTheDeadLettersOfTheTopicsItFolds() {
        String deadLetter = send(INDICATOR, INDICATOR_EVENTS + ".dlt");
        assertThat(read(INDICATOR, INDICATOR + ".x-" + UUID.randomUUID(), INDICATOR_EVENTS + ".dlt"))
                .contains(deadLetter);
        String deadStep = send(PROGRAMME, QUARTERLY_EVENTS + ".dlt");
        assertThat(read(PROGRAMME, PROGRAMME + ".x-" + UUID.randomUUID(), QUARTERLY_EVENTS + ".dlt"))
                .contains(deadStep);
    }

    @Test
    void aServiceWritingAnotherServicesTopicIsRefused() {
        assertRefused(() -> send(INDICATOR, PROGRAMME_EVENTS), TopicAuthorizationException.class);
        assertRefused(() -> send(INDICATOR, QUARTERLY_EVENTS), TopicAuthorizationException.class);
    }

    /** A bulk submission: one transaction over both topics, under a transactional id named after the service. */
    @Test
    void programmeServiceAppendsASubmissionAsOneTransactionAndOnlyItMay() {
        Map<String, Object> config = producerConfig(broker.clientConfig(PROGRAMME, PASSWORDS.get(PROGRAMME)));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, PROGRAMME + "-" + UUID.randomUUID() + ".submissions.0");
        String value = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(INDICATOR_EVENTS, "key", value));
            producer.send(new ProducerRecord<>(PROGRAMME_EVENTS, "key", value));
            producer.commitTransaction();
        }
        assertThat(read(PROGRAMME, PROGRAMME + ".submissions-" + UUID.randomUUID(), INDICATOR_EVENTS))
                .contains(value);

        Map<String, Object> indicator = producerConfig(broker.clientConfig(INDICATOR, PASSWORDS.get(INDICATOR)));
        indicator.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, PROGRAMME + "-" + UUID.randomUUID() + ".submissions.0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(indicator)) {
            assertRefused(producer::initTransactions, TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadingAnotherServicesTopicIsRefused() {
        assertRefused(() -> read(INDICATOR, INDICATOR + ".x-" + UUID.randomUUID(), PROGRAMME_EVENTS),
                TopicAuthorizationException.class);
        assertRefused(() -> read(PROGRAMME, PROGRAMME + ".x-" + UUID.randomUUID(), INDICATOR_EVENTS + ".dlt"),
                TopicAuthorizationException.class);
        // A service reads the dead letters of the topics it folds (a rebuild leaves out only those), no others.
        assertRefused(() -> read(INDICATOR, INDICATOR + ".x-" + UUID.randomUUID(), PROGRAMME_EVENTS + ".dlt"),
                TopicAuthorizationException.class);
    }

    @Test
    void aServiceJoiningAnotherServicesConsumerGroupIsRefused() {
        assertRefused(() -> read(REPORTING, "indicator-service.observations", INDICATOR_EVENTS),
                GroupAuthorizationException.class);
        assertRefused(() -> read(INDICATOR, "reporting-service.national-view", INDICATOR_EVENTS),
                GroupAuthorizationException.class);
    }

    @Test
    void onlyReportingServiceReadsTheLagOfAnotherServicesGroup() throws Exception {
        read(INDICATOR, "indicator-service.observations", INDICATOR_EVENTS);
        send(PROGRAMME, PLAN_EVENTS);
        read(AUTH_SERVER, "auth-server.plans", PLAN_EVENTS);
        try (Admin reporting = Admin.create(broker.clientConfig(REPORTING, PASSWORDS.get(REPORTING)))) {
            assertThat(reporting.listConsumerGroupOffsets("indicator-service.observations")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(reporting.listConsumerGroupOffsets("auth-server.plans")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)).isNotEmpty();
        }
        try (Admin programme = Admin.create(broker.clientConfig(PROGRAMME, PASSWORDS.get(PROGRAMME)))) {
            assertRefused(() -> programme.listConsumerGroupOffsets("indicator-service.observations")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS), GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = producerConfig(broker.clientConfig(INDICATOR, "not-" + PASSWORDS.get(INDICATOR)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            assertRefused(() -> producer.send(new ProducerRecord<>(INDICATOR_EVENTS, "k", "v")).get(30, TimeUnit.SECONDS),
                    SaslAuthenticationException.class);
        }
    }

    /** Sends one record as {@code user} and waits for the broker's acknowledgement; returns the value sent. */
    private static String send(String user, String topic) {
        String value = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                producerConfig(broker.clientConfig(user, PASSWORDS.get(user))))) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(user + " could not write to " + topic, e);
        }
    }

    /** Reads {@code topic} from the beginning as {@code user} in {@code group} until a poll brings records. */
    private static List<String> read(String user, String group, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(user, PASSWORDS.get(user)));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
            consumer.commitSync();
        }
        return values;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable attempt,
            Class<? extends Throwable> refusal) {
        Throwable failure = catchThrowable(attempt);
        assertThat(failure).as("expected a refusal (%s)", refusal.getSimpleName()).isNotNull();
        assertThat(Stream.iterate(failure, t -> t != null, Throwable::getCause))
                .as("the causes of %s", failure).anyMatch(refusal::isInstance);
    }
}
