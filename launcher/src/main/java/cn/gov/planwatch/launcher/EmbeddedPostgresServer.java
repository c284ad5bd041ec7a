package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static java.lang.ProcessBuilder.Redirect.appendTo;

/**
 * A real PostgreSQL 17 from zonky's embedded binaries, on a data directory that survives restarts. pg_ctl runs the
 * postmaster detached, so it is not our child process: its PID comes from {@code postmaster.pid}.
 *
 * <p>Each service connects as its own role, which owns its own schema and nothing else ({@link ServiceDatabaseRole});
 * the superuser only provisions them. Every login, the superuser's included, must give its password
 * ({@link DatabasePasswords}).
 */
public final class EmbeddedPostgresServer implements StackComponent {

    /** Every connection, over TCP or the Unix socket, proves its password; initdb's default trusts them all. */
    static final String HOST_BASED_AUTHENTICATION = """
            # Written by the PlanWatch launcher on every start: every login must give its password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private final StackLayout layout;
    private final PidFiles pidFiles;
    private final DatabasePasswords passwords;
    private EmbeddedPostgres postgres;
    private Optional<ProcessHandle> postmaster = Optional.empty();
    private boolean stopped;

    EmbeddedPostgresServer(StackLayout layout, PidFiles pidFiles, DatabasePasswords passwords) {
        this.layout = layout;
        this.pidFiles = pidFiles;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return "postgres";
    }

    /**
     * Starts the server (initdb on first run), creates the product's database if it is missing, provisions the
     * services' roles, then requires a password of every login.
     */
    public synchronized void start() throws IOException, SQLException {
        if (stopped) {
            throw new RunningStack.StackStoppingException();
        }
        OwnerOnly.directory(layout.postgresDir());
        Path log = layout.logsDir().resolve("postgres.log");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(layout.postgresDir())
                .setCleanDataDirectory(false)
                .setPort(layout.postgresPort())
                .setServerConfig("max_connections", "100")
                // zonky turns this off for tests; the product keeps its data, so a commit must survive a killed
                // server. (zonky also runs with fsync off: fine for a laptop, not for a power cut.)
                .setServerConfig("synchronous_commit", "on")
                // Crash recovery after an unclean stop can outlast zonky's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's own connections (its start-up check) and ours below log in as the superuser. initdb trusts
                // every login until requirePasswords() has run once; from then on the password is checked.
                .setConnectConfig("password", passwords.superuser())
                .setOutputRedirector(appendTo(log.toFile()))
                .setErrorRedirector(appendTo(log.toFile()))
                .start();
        postmaster = postmasterPid().flatMap(ProcessHandle::of);
        postmaster.ifPresent(pm -> pidFiles.write(name(), pm.pid(), pidMarker(layout)));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("alter role " + StackLayout.DATABASE_SUPERUSER + " password '"
                    + passwords.superuser().replace("'", "''") + "'");
        }
        createDatabaseIfMissing();
        try (Connection connection = postgres.getDatabase(StackLayout.DATABASE_SUPERUSER, StackLayout.DATABASE)
                .getConnection()) {
            for (ServiceDatabaseRole role : ServiceDatabaseRole.ALL) {
                role.provision(connection, passwords.of(role));
            }
        }
        requirePasswords();
    }

    /** The services' schemas are made by the superuser, owned by their roles; the launcher provides the database. */
    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, StackLayout.DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + StackLayout.DATABASE);
            }
        }
    }

    private void requirePasswords() throws IOException, SQLException {
        Path hba = layout.postgresDir().resolve("pg_hba.conf");
        if (Files.isRegularFile(hba) && Files.readString(hba).equals(HOST_BASED_AUTHENTICATION)) {
            return;
        }
        Files.writeString(hba, HOST_BASED_AUTHENTICATION);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("select pg_reload_conf()");
        }
    }

    /** The data directory is on the postmaster's command line ({@code -D <dir>}); nothing else of ours has it. */
    static String pidMarker(StackLayout layout) {
        return layout.postgresDir().toString();
    }

    private Optional<Long> postmasterPid() {
        try {
            String first = Files.readAllLines(layout.postgresDir().resolve("postmaster.pid")).get(0);
            return Optional.of(Long.parseLong(first.trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return postmaster.map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String exitReport() {
        return "postgres stopped on its own; last lines of " + layout.logsDir().resolve("postgres.log") + ":"
                + System.lineSeparator() + ChildProcess.tail(layout.logsDir().resolve("postgres.log"), 30);
    }

    /** {@code pg_ctl stop -m fast}, through zonky; also releases zonky's lock on the data directory. */
    @Override
    public synchronized void stop() {
        stopped = true;
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pidFiles.delete(name());
        }
    }
}
