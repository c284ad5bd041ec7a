package cn.gov.planwatch.testsupport;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One real Kafka broker and one real PostgreSQL server for every integration test in a JVM.
 * Testcontainers where a Docker engine answers; otherwise an in-JVM KRaft broker (Apache Kafka's
 * own server code) and PostgreSQL from zonky's embedded binaries. {@code PLANWATCH_TEST_INFRA}
 * (or the system property {@code planwatch.test.infra}) forces {@code docker} or {@code embedded}.
 *
 * <p>As in production, each service connects as its own role, which owns only its own schema
 * ({@link ServiceDatabaseRole}); the superuser only provisions them.
 */
public final class RealInfrastructure {

    public enum Kind { DOCKER, EMBEDDED }

    /** A login to the test database. */
    public record DatabaseLogin(String username, String password) {
    }

    private static RealInfrastructure shared;

    private final Kind kind;
    private final String kafkaBootstrapServers;
    private final String jdbcUrl;
    private final DatabaseLogin superuser;
    private final Map<ServiceDatabaseRole, DatabaseLogin> serviceLogins = new LinkedHashMap<>();
    private final KafkaContainer kafkaContainer;
    private final PostgreSQLContainer postgresContainer;
    private final Set<String> ownDatabases = new HashSet<>();

    public static synchronized RealInfrastructure shared() {
        if (shared == null) {
            shared = start(chooseKind());
            System.out.println(shared.describe());
        }
        return shared;
    }

    public Kind kind() {
        return kind;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * A database of its own on the same server, each service's schema in it owned by the service's role, made on
     * first use. For a test whose events come from a broker of its own: what the services derive from log
     * positions (a dead letter's id) would otherwise meet what the shared broker's positions gave.
     */
    public synchronized String jdbcUrlOfOwnDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        String url = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        if (ownDatabases.add(database)) {
            try (Connection server = connect(superuser)) {
                server.createStatement().execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + database, e);
            }
            try (Connection connection = DriverManager.getConnection(url, superuser.username(), superuser.password())) {
                for (Map.Entry<ServiceDatabaseRole, DatabaseLogin> login : serviceLogins.entrySet()) {
                    login.getKey().provision(connection, login.getValue().password());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot provision the services' schemas in " + database, e);
            }
        }
        return url;
    }

    /** For a test's own inspection and set-up only; the services never connect as the superuser. */
    public DatabaseLogin superuser() {
        return superuser;
    }

    /** What a service connects as: its own role, which may use its own schema and nothing else. */
    public DatabaseLogin loginOf(ServiceDatabaseRole role) {
        return serviceLogins.get(role);
    }

    public Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, login.username(), login.password());
    }

    /** The running containers, for {@code @ServiceConnection}; only where {@link #kind()} is DOCKER. */
    public KafkaContainer kafkaContainer() {
        return kafkaContainer;
    }

    public PostgreSQLContainer postgresContainer() {
        return postgresContainer;
    }

    private static Kind chooseKind() {
        String forced = System.getProperty("planwatch.test.infra", System.getenv("PLANWATCH_TEST_INFRA"));
        if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
            return Kind.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return dockerAnswers() ? Kind.DOCKER : Kind.EMBEDDED;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static RealInfrastructure start(Kind kind) {
        if (kind == Kind.DOCKER) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
            kafka.start();
            postgres.start();
            return new RealInfrastructure(kind, kafka.getBootstrapServers(), postgres.getJdbcUrl(),
                    new DatabaseLogin(postgres.getUsername(), postgres.getPassword()), kafka, postgres);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "false");
        // Transactions (a submission is one) on a single node: the transaction log cannot have three replicas.
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (Exception e) {
            broker.destroy();
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.destroy();
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the JVM is going away; the data directory is temporary
            }
        }, "planwatch-test-infra-stop"));
        return new RealInfrastructure(kind, broker.getBrokersAsString(),
                // Not zonky's getJdbcUrl: it names the superuser in the URL, which would win over any login.
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", new DatabaseLogin("postgres", "postgres"), null, null);
    }

    private RealInfrastructure(Kind kind, String kafkaBootstrapServers, String jdbcUrl, DatabaseLogin superuser,
            KafkaContainer kafkaContainer, PostgreSQLContainer postgresContainer) {
        this.kind = kind;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.superuser = superuser;
        this.kafkaContainer = kafkaContainer;
        this.postgresContainer = postgresContainer;
        provisionServiceRoles();
    }

    private void provisionServiceRoles() {
        try (Connection connection = connect(superuser)) {
            for (ServiceDatabaseRole role : ServiceDatabaseRole.ALL) {
                String password = ServiceDatabaseRole.newPassword();
                role.provision(connection, password);
                serviceLogins.put(role, new DatabaseLogin(role.role(), password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the services' database roles at " + jdbcUrl, e);
        }
    }

    /** Says, in the build's output, what the integration tests really ran against. */
    private String describe() {
        String postgresVersion;
        try (Connection connection = connect(superuser);
                ResultSet rs = connection.createStatement().executeQuery("select version()")) {
            rs.next();
            postgresVersion = rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL started but does not answer at " + jdbcUrl, e);
        }
        String how = kind == Kind.DOCKER ? "Testcontainers (Docker)" : "embedded, no Docker engine answered";
        return "[planwatch-test-infra] real servers, " + how + ": Kafka " + AppInfoParser.getVersion()
                + " KRaft broker at " + kafkaBootstrapServers + "; " + postgresVersion + " at " + jdbcUrl
                + ", each service as its own role (" + String.join(", ",
                        serviceLogins.values().stream().map(DatabaseLogin::username).toList()) + ")";
    }
}
