package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Clock;

/**
 * Starts the whole product on real local infrastructure: PostgreSQL, a Kafka broker, then the services group by
 * group; prints where everything is; and stops it all, in reverse order, on Ctrl-C.
 */
public final class Launcher {

    /** The pid file name of the launcher itself. */
    private static final String LAUNCHER = "launcher";

    private final StackLayout layout;
    private final PrintStream out;
    private final PrintStream err;
    private final PidFiles pidFiles;
    private final RunningStack stack;
    private final Clock clock = Clock.systemUTC();
    /** Every process started again when it dies: each service instance, and Redis. */
    private final List<Supervisor> supervisors = new CopyOnWriteArrayList<>();
    /** Whether launcher.pid is ours to delete; a launcher refused for a running one must leave it alone. */
    private volatile boolean claimedDataDir;

    Launcher(StackLayout layout, PrintStream out, PrintStream err) {
        this.layout = layout;
        this.out = out;
        this.err = err;
        this.pidFiles = new PidFiles(layout.pidsDir());
        this.stack = new RunningStack(out);
    }

    public static void main(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        StackLayout layout;
        try {
            layout = StackLayout.from(System.getenv(), System.getProperties(), root, libDir(root));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Read by log4j2.xml; must be set before the first library logs anything.
        System.setProperty("planwatch.logs.dir", layout.logsDir().toString());
        int exitCode = new Launcher(layout, System.out, System.err).run();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Next to launcher.jar when run as {@code java -jar}; the module's build output otherwise (tests, IDE). */
    private static Path libDir(Path root) {
        try {
            Path codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(codeSource)) {
                return codeSource.getParent().resolve("lib");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the build layout
        }
        return root.resolve("launcher/target/lib");
    }

    /** Starts everything and then watches it; returns only on failure, or 0 when a stop was requested meanwhile. */
    int run() {
        long begin = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "planwatch-stop"));
        TerminationSignals.onTermination(this::stop);
        try {
            requireServiceJars();
            layout.createDataDirectories();
            claimDataDir();
            stopLeftovers();
            LocalPorts.requireFree(LocalPorts.of(layout));
            DatabasePasswords passwords = DatabasePasswords.loadOrCreate(layout);
            startRedis(passwords);
            startPostgresAndKafka(passwords);
            for (List<ServiceSpec> group : layout.startGroups()) {
                startGroup(group, passwords);
            }
            if (layout.services().stream().anyMatch(s -> s.name().equals("gateway"))) {
                new StackWarmUp().run(layout.dataDir(), layout.urlOf("auth-server"), layout.urlOf("gateway"), out);
            }
            printBanner(begin);
            return watch();
        } catch (RunningStack.StackStoppingException e) {
            return 0;
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return 0; // a requested stop pulled the rug from under the start; nothing failed
            }
            err.println(e instanceof StartFailure ? e.getMessage() : "Start failed: " + e);
            stop();
            return 1;
        }
    }

    private void stop() {
        stack.stop();
        if (claimedDataDir) {
            pidFiles.delete(LAUNCHER);
        }
    }

    /**
     * Two launchers on one data directory would fight over it, and the leftover check below would make the second one
     * kill the first one's stack. Our own pid file tells a running launcher from a dead one.
     */
    private void claimDataDir() {
        String self = ProcessTable.commandLine(ProcessHandle.current().pid()).orElse("cn.gov.planwatch.launcher");
        pidFiles.entries().stream()
                .filter(e -> e.name().equals(LAUNCHER) && e.pid() != ProcessHandle.current().pid())
                .filter(e -> PidFiles.judge(e, ProcessTable::commandLine) == PidFiles.Verdict.LEFTOVER)
                .findFirst()
                .ifPresent(running -> {
                    throw new StartFailure("PlanWatch is already running on " + layout.dataDir() + " (launcher pid "
                            + running.pid() + "). Stop it first: Ctrl-C in its terminal, or kill " + running.pid());
                });
        pidFiles.write(LAUNCHER, ProcessHandle.current().pid(), self);
        claimedDataDir = true;
    }

    /** A missing jar is known before anything starts, so say it before anything starts. */
    private void requireServiceJars() {
        List<String> missing = layout.services().stream()
                .filter(s -> !Files.isRegularFile(s.jar(layout.root())))
                .map(s -> ServiceProcess.missingJarMessage(s, layout))
                .toList();
        if (!missing.isEmpty()) {
            throw new StartFailure(String.join(System.lineSeparator(), missing));
        }
    }

    /**
     * A launcher killed with -9 leaves its children running, holding ports and the PostgreSQL data directory. Stop
     * them the way we would have: services, then Kafka, then PostgreSQL.
     */
    private void stopLeftovers() {
        Map<String, Integer> lastToStop = Map.of("redis", 1, "kafka", 1, "postgres", 2);
        List<PidFiles.Entry> entries = new ArrayList<>(pidFiles.entries());
        entries.sort(Comparator.comparing(e -> lastToStop.getOrDefault(e.name(), 0)));
        entries.removeIf(e -> e.name().equals(LAUNCHER));
        for (PidFiles.Entry entry : entries) {
            if (PidFiles.judge(entry, ProcessTable::commandLine) == PidFiles.Verdict.LEFTOVER) {
                long begin = System.nanoTime();
                ProcessHandle.of(entry.pid()).ifPresent(p -> ChildProcess.stop(p, StackLayout.STALE_STOP_GRACE));
                out.printf("%-20s was left running by an earlier launcher (pid %d); stopped it in %.1f s%n",
                        entry.name(), entry.pid(), seconds(begin));
            }
            pidFiles.delete(entry.name());
        }
    }

    /**
     * The two are independent, and each spends most of its start waiting (initdb and pg_ctl; a JVM that formats
     * storage, then a broker), so they start side by side: about three seconds less before the services can start.
     */
    private void startPostgresAndKafka(DatabasePasswords passwords) {
        CompletableFuture<Void> postgres = CompletableFuture.runAsync(() -> startPostgres(passwords), runnable -> {
            Thread thread = new Thread(runnable, "postgres-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            startKafka();
        } finally {
            // Whatever happened to Kafka, PostgreSQL's start is over (and it is in the stack) before anyone stops it.
            try {
                postgres.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private void startPostgres(DatabasePasswords passwords) {
        long begin = System.nanoTime();
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(layout, pidFiles, passwords);
        stack.add(postgres);
        try {
            postgres.start();
        } catch (RunningStack.StackStoppingException e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            Path log = layout.logsDir().resolve("postgres.log");
            throw new StartFailure("PostgreSQL did not start: " + e.getMessage() + "; last lines of " + log + ":"
                    + System.lineSeparator() + ChildProcess.tail(log, 30));
        }
        out.printf("%-20s started in %.1f s  (%s)%n", postgres.name(), seconds(begin), layout.jdbcUrl());
    }

    /** Up in well under a second; the gateway needs it for logins and shared rate limits. */
    private void startRedis(DatabasePasswords passwords) {
        long begin = System.nanoTime();
        EmbeddedRedisServer redis = new EmbeddedRedisServer(layout, pidFiles, passwords);
        stack.add(redis);
        redis.start();
        redis.awaitReady(StackLayout.REDIS_READY_TIMEOUT);
        supervisors.add(new Supervisor(redis, clock, out, StackLayout.REDIS_READY_TIMEOUT));
        out.printf("%-20s started in %.1f s  (%s)%n", redis.name(), seconds(begin), layout.redisAddress());
    }

    private void startKafka() {
        long begin = System.nanoTime();
        KafkaBrokerProcess kafka = new KafkaBrokerProcess(layout, pidFiles);
        stack.add(kafka);
        boolean formatted = kafka.start();
        kafka.awaitReady(StackLayout.KAFKA_READY_TIMEOUT);
        out.printf("%-20s started in %.1f s  (%s%s)%n", kafka.name(), seconds(begin), layout.kafkaBootstrap(),
                formatted ? ", storage formatted" : "");
    }

    /** Starts every instance of a group in parallel and returns once every one answers healthy. */
    private void startGroup(List<ServiceSpec> group, DatabasePasswords passwords) {
        Map<ServiceProcess, Long> pending = new LinkedHashMap<>();
        for (ServiceSpec spec : group) {
            for (ServiceSpec.Instance instance : spec.allInstances()) {
                ServiceProcess service = new ServiceProcess(instance, layout, pidFiles, passwords);
                stack.add(service);
                service.start();
                pending.put(service, System.nanoTime());
            }
        }
        long deadline = System.nanoTime() + StackLayout.SERVICE_HEALTHY_TIMEOUT.toNanos();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                ServiceProcess service = entry.getKey();
                if (!service.isRunning()) {
                    throw new StartFailure(service.exitReport());
                }
                if (service.isHealthy()) {
                    out.printf("%-20s started in %.1f s  (%s)%n", service.name(), seconds(entry.getValue()),
                            service.instance().baseUrl());
                    supervisors.add(new Supervisor(service, clock, out, StackLayout.SERVICE_HEALTHY_TIMEOUT));
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartFailure(pending.keySet().iterator().next()
                        .timeoutReport(StackLayout.SERVICE_HEALTHY_TIMEOUT));
            }
            Pause.briefly();
        }
    }

    private void printBanner(long begin) {
        StringBuilder banner = new StringBuilder();
        banner.append(String.format("%nPlanWatch is up (started in %.1f s)%n", seconds(begin)));
        layout.instances().stream()
                .sorted(Comparator.comparingInt(ServiceSpec.Instance::port))
                .forEach(i -> banner.append(String.format("  %-20s %s%n", i.label(), i.baseUrl())));
        banner.append(String.format("  %-20s %s%n", "Kafka", layout.kafkaBootstrap()));
        banner.append(String.format("  %-20s %s  (login sessions, rate limits; password in %s)%n", "Redis",
                layout.redisAddress(), layout.databasePasswordsFile()));
        banner.append(String.format("  %-20s %s  (each service as its own role; superuser %s; passwords in %s)%n",
                "PostgreSQL", layout.jdbcUrl(), StackLayout.DATABASE_SUPERUSER, layout.databasePasswordsFile()));
        banner.append(String.format("  %-20s %s%n", "logs", layout.logsDir()));
        banner.append(String.format("Ctrl-C stops everything; ./run.sh restart restarts every instance, one at a time.%n"));
        out.print(banner);
        out.flush();
    }

    /**
     * Until Ctrl-C. A service instance or Redis that dies on its own is started again ({@link Supervisor}), and the
     * rest of the stack goes on serving; Kafka or PostgreSQL dying, or an instance that keeps dying, takes the stack
     * down, so that nobody works against half of it. A rolling restart ({@link RollingRestart#REQUEST_FILE}) restarts
     * the instances one at a time.
     */
    private int watch() {
        RollingRestart rolling = null;
        while (true) {
            if (stack.isStopping()) {
                return 0;
            }
            for (StackComponent component : stack.components()) {
                if (!(component instanceof Supervised) && !component.isRunning()) {
                    if (stack.isStopping()) {
                        return 0;
                    }
                    err.println(component.exitReport());
                    err.println(component.name() + " is gone, and the product cannot serve without it. Stopping the"
                            + " stack.");
                    stop();
                    return 1;
                }
            }
            for (Supervisor supervisor : supervisors) {
                Optional<String> givenUp = supervisor.check();
                if (givenUp.isEmpty() || stack.isStopping()) {
                    continue;
                }
                err.println(givenUp.get());
                if (supervisor.process() instanceof EmbeddedRedisServer) {
                    // Tokens keep working without Redis; only logins wait for it.
                    err.println("People cannot log in (503) until the stack is restarted; clients with tokens are"
                            + " served as before.");
                    supervisors.remove(supervisor);
                    continue;
                }
                err.println("Stopping the stack.");
                stop();
                return 1;
            }
            if (RollingRestart.takeRequest(layout.dataDir())) {
                if (rolling == null) {
                    // in start order: the auth server, each backend service's instances, the gateways
                    List<ServiceSpec.Instance> order = layout.instances();
                    rolling = new RollingRestart(supervisors.stream().filter(s -> s.process() instanceof ServiceProcess)
                            .sorted(Comparator.comparingInt(s -> order.indexOf(((ServiceProcess) s.process()).instance())))
                            .toList(), clock, out);
                } else {
                    out.println("a rolling restart is under way already");
                }
            }
            if (rolling != null && rolling.step()) {
                rolling = null;
            }
            Pause.briefly();
        }
    }

    private static double seconds(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1e9;
    }
}
