package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka settings of planwatch-platform.yaml per profile: by default plaintext and one replica (the embedded dev
 * stack); kafka-scram connects as the service's own SCRAM user from the environment; prod adds three replicas with
 * two in sync.
 */
class KafkaProfilesTest {

    @Test
    void theDefaultIsPlaintextWithOneReplica() {
        try (ConfigurableApplicationContext context = start(List.of())) {
            Map<String, Object> admin = kafka(context.getEnvironment()).buildAdminProperties();
            assertThat(admin).doesNotContainKeys(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_JAAS_CONFIG);
            NewTopic topic = topics(context.getEnvironment()).get(0);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        }
    }

    @Test
    void kafkaScramConnectsEveryClientAsTheServicesOwnUser() {
        try (ConfigurableApplicationContext context = start(List.of("kafka-scram"),
                "--PLANWATCH_KAFKA_USERNAME=indicator-service", "--PLANWATCH_KAFKA_PASSWORD=s3cret")) {
            KafkaProperties kafka = kafka(context.getEnvironment());
            for (Map<String, Object> client : List.of(kafka.buildAdminProperties(), kafka.buildConsumerProperties(),
                    kafka.buildProducerProperties())) {
                assertThat(client).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                        .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
                assertThat((String) client.get(SaslConfigs.SASL_JAAS_CONFIG))
                        .contains("ScramLoginModule required", "username=\"indicator-service\"", "password=\"s3cret\"");
            }
            assertThat(topics(context.getEnvironment()).get(0).replicationFactor()).isEqualTo((short) 1);
        }
    }

    @Test
    void kafkaScramWithoutCredentialsRefusesToStart() {
        ApplicationContextRunner scram = new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("kafka-scram"))
                .withUserConfiguration(EventLogAutoConfiguration.KafkaScramCredentials.class);

        scram.withPropertyValues("PLANWATCH_KAFKA_USERNAME=indicator-service").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("profile kafka-scram needs PLANWATCH_KAFKA_PASSWORD"));
        scram.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("PLANWATCH_KAFKA_USERNAME and PLANWATCH_KAFKA_PASSWORD"));
        scram.withPropertyValues("PLANWATCH_KAFKA_USERNAME=indicator-service", "PLANWATCH_KAFKA_PASSWORD=s3cret")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void prodReplicatesEveryTopicThreeTimesWithTwoInSyncAndUsesScram() {
        try (ConfigurableApplicationContext context = start(List.of("prod"),
                "--PLANWATCH_KAFKA_USERNAME=reporting-service", "--PLANWATCH_KAFKA_PASSWORD=s3cret")) {
            assertThat(context.getEnvironment().getActiveProfiles()).contains("prod", "kafka-scram");
            List<NewTopic> topics = topics(context.getEnvironment());
            assertThat(topics).extracting(NewTopic::name).containsExactlyElementsOf(Topics.withDeadLetterTopics());
            assertThat(topics).allSatisfy(topic -> {
                assertThat(topic.replicationFactor()).isEqualTo((short) 3);
                assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            });
            assertThat(kafka(context.getEnvironment()).buildAdminProperties())
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        }
    }

    private static ConfigurableApplicationContext start(List<String> profiles, String... args) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.config.import=classpath:planwatch-platform.yaml";
        return application.run(all);
    }

    private static KafkaProperties kafka(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    }

    private static List<NewTopic> topics(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        return EventLogAutoConfiguration.topics(binder.bind("planwatch.kafka.partitions", Integer.class).get(),
                binder.bind("planwatch.kafka.replication-factor", Integer.class).get(),
                binder.bind("planwatch.kafka.min-insync-replicas", Integer.class).get());
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
