package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An OS process the launcher started, with stdout and stderr appended to one log file. */
public final class ChildProcess {

    /**
     * Where available, children run in their own session. Ctrl-C then reaches only the launcher, which stops them in
     * order (services before Kafka before PostgreSQL) instead of all at once. {@code setsid} execs in place here (a
     * JVM child is no process-group leader), so the PID we hold is the real process.
     */
    private static final List<String> OWN_SESSION =
            Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                     Path log) {
        List<String> fullCommand = new ArrayList<>(OWN_SESSION);
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            // Logs are kept across runs; a marker line makes a log tail show where this run begins.
            Files.writeString(log, "---- PlanWatch launcher started " + name + " at " + Instant.now() + " ----\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived command to completion and returns its exit code. */
    public static int run(String name, List<String> command, Path workDir, Path log, Duration timeout) {
        ChildProcess child = start(name, command, Map.of(), workDir, log);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return child.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}. Tolerates a process that is already stopping or gone (Ctrl-C without
     * setsid reaches it directly).
     */
    public void stop(Duration grace) {
        stop(process.toHandle(), grace);
        // The handle sees the exit before this Process has reaped it (another thread does): wait for that too, so
        // that isAlive() is false once stop returns.
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Also for a process this launcher did not start (a leftover). Only the parent gets SIGTERM: it knows how to stop
     * its own children (PostgreSQL treats a signalled backend as a crash). Descendants are collected first, because
     * once the parent is gone they are orphans that no longer show up under it; any that outlive it are ended too.
     */
    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        awaitExit(handle, grace);
        if (handle.isAlive()) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(5));
        }
        for (ProcessHandle orphan : descendants) {
            if (orphan.isAlive()) {
                orphan.destroy();
                awaitExit(orphan, Duration.ofSeconds(5));
                orphan.destroyForcibly();
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: the caller escalates to SIGKILL
        }
    }

    /** The last lines of the log, for a failure message. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }
}
