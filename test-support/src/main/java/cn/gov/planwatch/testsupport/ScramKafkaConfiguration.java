package cn.gov.planwatch.testsupport;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Import into a {@code @SpringBootTest} beside {@link RealInfrastructureConfiguration}, with profile
 * {@code kafka-scram}, to run a service as docker-compose.yml runs it: on a {@link ScramKafkaBroker} set up with the
 * topics, users and grants of docker/kafka-acls.txt, logged in as the user {@link #logInAs} names. The broker stops
 * with the context that uses it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScramKafkaConfiguration {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    /** One random password per user of the file, for this JVM. */
    private static final Map<String, String> PASSWORDS = KafkaAcls.ofCompose().principals().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), user -> UUID.randomUUID().toString()));

    /** Gives the service the credentials of {@code user}, as compose's PLANWATCH_KAFKA_USERNAME/PASSWORD do. */
    public static void logInAs(DynamicPropertyRegistry registry, String user) {
        // This context's broker is its own, so its records' positions repeat the shared broker's: keep what the
        // service derives from them apart from what the other tests' contexts wrote.
        String database = "planwatch_scram_" + CONTEXTS.incrementAndGet();
        registry.add(RealInfrastructureConfiguration.OWN_DATABASE, () -> database);
        registry.add("PLANWATCH_KAFKA_USERNAME", () -> user);
        registry.add("PLANWATCH_KAFKA_PASSWORD", () -> password(user));
    }

    public static String password(String user) {
        String password = PASSWORDS.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user + " in " + KafkaAcls.FILE);
        }
        return password;
    }

    @Bean(destroyMethod = "close")
    ScramKafkaBroker scramKafkaBroker() {
        ScramKafkaBroker broker = ScramKafkaBroker.start();
        broker.apply(KafkaAcls.ofCompose(), PASSWORDS);
        return broker;
    }

    /** Wins over the shared plaintext broker's connection details. */
    @Bean
    @Primary
    KafkaConnectionDetails scramKafkaConnectionDetails(ScramKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }
}
