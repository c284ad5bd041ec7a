package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The embedded PostgreSQL of ./run.sh: each service's role owns its schema, and every login needs its password. */
class EmbeddedPostgresServerIT {

    /** SQLState invalid_password. */
    private static final String WRONG_PASSWORD = "28P01";
    /** SQLState sqlserver_rejected_establishment_of_sqlconnection: a password is required and none was given. */
    private static final String NO_PASSWORD = "08004";
    private static final ServiceDatabaseRole INDICATORS = ServiceDatabaseRole.of("indicator-service").orElseThrow();

    @TempDir
    Path root;

    private EmbeddedPostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void eachServiceLogsInAsItsOwnRoleWithItsPasswordAndNoLoginGetsInWithoutOne() throws Exception {
        StackLayout layout = layout();
        DatabasePasswords passwords = start(layout);

        for (ServiceDatabaseRole role : ServiceDatabaseRole.ALL) {
            try (Connection connection = connect(layout, role.role(), passwords.of(role))) {
                assertThat(single(connection, "select current_user")).isEqualTo(role.role());
                assertThat(single(connection, "select nspowner::regrole::text from pg_namespace where nspname = '"
                        + role.schema() + "'")).isEqualTo(role.role());
            }
        }
        assertThat(refusal(layout, INDICATORS.role(), "not-the-password")).isEqualTo(WRONG_PASSWORD);
        assertThat(refusal(layout, INDICATORS.role(), passwords.of(ServiceDatabaseRole.ALL.get(1))))
                .as("another service's password").isEqualTo(WRONG_PASSWORD);
        assertThat(refusal(layout, StackLayout.DATABASE_SUPERUSER, "postgres")).as("the superuser, guessed")
                .isEqualTo(WRONG_PASSWORD);
        // The server asks for a password that the driver does not have (08004): initdb's trust is gone.
        assertThat(refusal(layout, StackLayout.DATABASE_SUPERUSER, "")).as("the superuser without a password")
                .isIn(NO_PASSWORD, WRONG_PASSWORD);
        assertThat(Files.readString(layout.postgresDir().resolve("pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void aRestartKeepsThePasswordsAndHandsTablesTheSuperuserMadeInASchemaToItsRole() throws Exception {
        StackLayout layout = layout();
        DatabasePasswords passwords = start(layout);
        try (Connection superuser = connect(layout, StackLayout.DATABASE_SUPERUSER, passwords.superuser());
                Statement sql = superuser.createStatement()) {
            // What an earlier version, whose services all connected as the superuser, left behind.
            sql.execute("create table indicator.made_by_superuser (id bigserial primary key)");
        }
        server.stop();

        DatabasePasswords again = start(layout);

        assertThat(again.of(INDICATORS)).isEqualTo(passwords.of(INDICATORS));
        try (Connection connection = connect(layout, INDICATORS.role(), again.of(INDICATORS));
                Statement sql = connection.createStatement()) {
            assertThat(single(connection, "select tableowner from pg_tables where tablename = 'made_by_superuser'"))
                    .isEqualTo(INDICATORS.role());
            sql.execute("alter table indicator.made_by_superuser add column note text");
            sql.execute("insert into indicator.made_by_superuser (note) values ('written by its owner')");
        }
    }

    private StackLayout layout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return StackLayout.from(Map.of("PLANWATCH_PG_PORT", Integer.toString(port)), new Properties(), root,
                Path.of("lib"));
    }

    private DatabasePasswords start(StackLayout layout) throws Exception {
        layout.createDataDirectories();
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(layout);
        server = new EmbeddedPostgresServer(layout, new PidFiles(layout.pidsDir()), passwords);
        server.start();
        return passwords;
    }

    private static Connection connect(StackLayout layout, String user, String password) throws SQLException {
        return DriverManager.getConnection(layout.jdbcUrl(), user, password);
    }

    private static String refusal(StackLayout layout, String user, String password) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> connect(layout, user, password).close());
        assertThat((Throwable) refused).as(user + " logged in").isNotNull();
        return refused.getSQLState();
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
