package cn.gov.planwatch.launcher;

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
 */
public final class EmbeddedPostgresServer implements StackComponent {

    private final StackLayout layout;
    private final PidFiles pidFiles;
    private EmbeddedPostgres postgres;
    private Optional<ProcessHandle> postmaster = Optional.empty();
    private boolean stopped;

    public EmbeddedPostgresServer(StackLayout layout, PidFiles pidFiles) {
        this.layout = layout;
        this.pidFiles = pidFiles;
    }

    @Override
    public String name() {
        return "postgres";
    }

    /** Starts the server (initdb on first run) and creates the product's database if it is missing. */
    public synchronized void start() throws IOException, SQLException {
        if (stopped) {
            throw new RunningStack.StackStoppingException();
        }
        Files.createDirectories(layout.postgresDir());
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
                .setOutputRedirector(appendTo(log.toFile()))
                .setErrorRedirector(appendTo(log.toFile()))
                .start();
        postmaster = postmasterPid().flatMap(ProcessHandle::of);
        postmaster.ifPresent(pm -> pidFiles.write(name(), pm.pid(), pidMarker(layout)));
        createDatabaseIfMissing();
    }

    /** Each service creates its own schema with Flyway; the launcher provides only the database. */
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
