package cn.gov.planwatch.launcher;

import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Redis 6.2 (the Linux binary embedded-redis carries) holding the gateway's login sessions and shared
 * rate-limit buckets. It runs as our child process on 127.0.0.1 only, asks every client for its password
 * ({@link DatabasePasswords#redis()}), and snapshots to {@code .data/redis} so that a restart keeps people logged in.
 */
public final class EmbeddedRedisServer implements Supervised {

    private final StackLayout layout;
    private final PidFiles pidFiles;
    private final DatabasePasswords passwords;
    private ChildProcess server;
    private boolean stopped;

    EmbeddedRedisServer(StackLayout layout, PidFiles pidFiles, DatabasePasswords passwords) {
        this.layout = layout;
        this.pidFiles = pidFiles;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return "redis";
    }

    /** The server's configuration; written on every start, owner-only since it holds the password. */
    static String renderConfig(StackLayout layout, String password) {
        return String.join("\n",
                "# Written by the PlanWatch launcher on every start.",
                "bind 127.0.0.1",
                "port " + layout.redisPort(),
                "protected-mode yes",
                "requirepass " + password,
                "dir " + layout.redisDir(),
                "dbfilename sessions.rdb",
                // Sessions and buckets expire on their own; a snapshot a minute is enough to keep logins over a restart.
                "save 60 1",
                "appendonly no",
                // A hard bound whatever floods it: when full, the keys closest to expiry go first, and an unfinished
                // login's session has the shortest life.
                "maxmemory 256mb",
                "maxmemory-policy volatile-ttl",
                "daemonize no",
                "");
    }

    Path config() {
        return layout.redisDir().resolve("redis.conf");
    }

    private Path log() {
        return layout.logsDir().resolve("redis.log");
    }

    /** Starts the server from the binary in the embedded-redis jar (not yet waiting for it). */
    @Override
    public synchronized void start() {
        if (stopped) {
            throw new RunningStack.StackStoppingException();
        }
        Path executable;
        try {
            OwnerOnly.writeSecret(config(), renderConfig(layout, passwords.redis()));
            executable = ExecutableProvider.newJarResourceProvider().get().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = ChildProcess.start(name(), List.of(executable.toString(), config().toString()), Map.of(),
                layout.redisDir(), log());
        pidFiles.write(name(), server.pid(), pidMarker(layout));
    }

    /** Redis sets its process title to its executable and address; nothing else here listens on that port. */
    static String pidMarker(StackLayout layout) {
        return "127.0.0.1:" + layout.redisPort();
    }

    /** Sends PING (after AUTH) until Redis answers PONG, it dies, or the timeout passes. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new StartFailure(exitReport());
            }
            if (answersPing()) {
                return;
            }
            Pause.briefly();
        }
        throw new StartFailure("Redis did not answer on 127.0.0.1:" + layout.redisPort() + " within "
                + timeout.toSeconds() + " s; last lines of " + log() + ":" + System.lineSeparator()
                + ChildProcess.tail(log(), 30));
    }

    @Override
    public boolean isReady() {
        return answersPing();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", layout.redisPort())) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("AUTH " + passwords.redis() + "\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answers = new StringBuilder();
            int b;
            while (!answers.toString().contains("PONG") && (b = in.read()) >= 0) {
                answers.append((char) b);
            }
            return answers.toString().startsWith("+OK") && answers.toString().contains("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isAlive();
    }

    @Override
    public synchronized String exitReport() {
        return "Redis exited (code " + server.exitCode() + "); last lines of " + log() + ":"
                + System.lineSeparator() + server.logTail(30);
    }

    @Override
    public synchronized String exitSummary() {
        return "Redis exited (code " + server.exitCode() + "; its log: " + log() + "); until it is back, people cannot"
                + " log in (503) and clients with tokens are served as before";
    }

    /** SIGTERM makes Redis write its last snapshot and exit. */
    @Override
    public synchronized void stop() {
        stopped = true;
        stopForRestart();
    }

    @Override
    public synchronized void stopForRestart() {
        if (server != null) {
            server.stop(StackLayout.SERVICE_STOP_GRACE);
            pidFiles.delete(name());
        }
    }
}
