package cn.gov.planwatch.testsupport;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.MetadataVersion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker secured as docker-compose.yml secures Kafka: clients authenticate with
 * SASL/SCRAM-SHA-512, the StandardAuthorizer allows only what an ACL grants. Its super user {@code admin} exists from
 * the first start (a SCRAM credential in the bootstrap metadata, as {@code kafka-storage format --add-scram} writes
 * it) and sets up topics, users and ACLs the way the compose file's kafka-init job does.
 */
public final class ScramKafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String ADMIN = "admin";
    private static final int ITERATIONS = 8192;

    private final KafkaClusterTestKit cluster;
    private final String adminPassword;

    private ScramKafkaBroker(KafkaClusterTestKit cluster, String adminPassword) {
        this.cluster = cluster;
        this.adminPassword = adminPassword;
    }

    public static ScramKafkaBroker start() {
        // A fatal broker error fails the test instead of ending the JVM the build runs in.
        Exit.setExitProcedure(ScramKafkaBroker::refuseToExit);
        Exit.setHaltProcedure(ScramKafkaBroker::refuseToExit);
        String adminPassword = UUID.randomUUID().toString();
        try {
            List<ApiMessageAndVersion> records = new ArrayList<>(
                    BootstrapMetadata.fromVersion(MetadataVersion.latestProduction(), "planwatch tests").records());
            records.add(scramRecord(ADMIN, adminPassword));
            TestKitNodes nodes = new TestKitNodes.Builder(BootstrapMetadata.fromRecords(records, "planwatch tests"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build();
            String listener = nodes.brokerListenerName().value().toLowerCase(Locale.ROOT);
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("sasl.enabled.mechanisms", MECHANISM)
                    .setConfigProp("sasl.mechanism.inter.broker.protocol", MECHANISM)
                    .setConfigProp("listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
                            jaas(ADMIN, adminPassword))
                    .setConfigProp("authorizer.class.name", StandardAuthorizer.class.getName())
                    .setConfigProp("allow.everyone.if.no.acl.found", "false")
                    // admin sets up; ANONYMOUS is the broker's own connection to its controller (loopback, plaintext).
                    .setConfigProp("super.users", "User:" + ADMIN + ";User:ANONYMOUS")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new ScramKafkaBroker(cluster, adminPassword);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the SCRAM-secured Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** What a client needs to connect as {@code user}: the broker, SASL/SCRAM-SHA-512 and the credentials. */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return config;
    }

    /** The super user's client settings. */
    public Map<String, Object> adminConfig() {
        return clientConfig(ADMIN, adminPassword);
    }

    /** An admin client of the super user. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    /**
     * What docker/kafka-init.sh does: the topics (3 partitions), one SCRAM user per principal with its password, and
     * the grants. Returns once the broker itself knows every user and grant: the controller has them first, and a
     * login made before the broker has caught up would be refused.
     */
    public void apply(KafkaAcls acls, Map<String, String> passwords) {
        try (Admin admin = admin()) {
            admin.createTopics(acls.topics().stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(acls.principals().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                            required(passwords, user)))
                    .toList()).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(acls.grants()).all().get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> knowsEveryUserAndGrant(admin, acls));
        } catch (Exception e) {
            throw new IllegalStateException("cannot apply " + KafkaAcls.FILE + " to the broker", e);
        }
    }

    private static boolean knowsEveryUserAndGrant(Admin admin, KafkaAcls acls) throws Exception {
        Collection<String> users = admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).keySet();
        Collection<AclBinding> grants = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        return users.containsAll(acls.principals()) && grants.containsAll(acls.grants());
    }

    private static void refuseToExit(int status, String message) {
        throw new IllegalStateException("the Kafka broker tried to end the JVM (" + status + "): " + message);
    }

    private static String required(Map<String, String> passwords, String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no password for Kafka user " + user);
        }
        return password;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static ApiMessageAndVersion scramRecord(String user, String password) throws Exception {
        var mechanism = org.apache.kafka.common.security.scram.internals.ScramMechanism.SCRAM_SHA_512;
        ScramCredential credential = new ScramFormatter(mechanism).generateCredential(password, ITERATIONS);
        return new ApiMessageAndVersion(new UserScramCredentialRecord()
                .setName(user)
                .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                .setSalt(credential.salt())
                .setStoredKey(credential.storedKey())
                .setServerKey(credential.serverKey())
                .setIterations(credential.iterations()), (short) 0);
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the SCRAM-secured Kafka broker", e);
        }
    }
}
