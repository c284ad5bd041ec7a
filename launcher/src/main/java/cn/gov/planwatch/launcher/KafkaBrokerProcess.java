package cn.gov.planwatch.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller), run from the Apache Kafka jars in the
 * launcher's lib directory as its own JVM.
 */
public final class KafkaBrokerProcess implements StackComponent {

    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final StackLayout layout;
    private final PidFiles pidFiles;
    private ChildProcess broker;
    private boolean stopped;

    public KafkaBrokerProcess(StackLayout layout, PidFiles pidFiles) {
        this.layout = layout;
        this.pidFiles = pidFiles;
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** The broker's configuration, one {@code key=value} per line. */
    static String renderServerProperties(StackLayout layout) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + layout.kafkaControllerPort());
        p.put("listeners", "PLAINTEXT://localhost:" + layout.kafkaPort()
                + ",CONTROLLER://localhost:" + layout.kafkaControllerPort());
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + layout.kafkaPort());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", layout.kafkaLogDirs().toString());
        // One node: internal topics cannot have more than one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("num.partitions", "3");
        // Topics are declared by the services that own them; a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        // Nobody else is going to join: do not make the first consumer wait 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# Written by the PlanWatch launcher on every start.\n", "\n"));
    }

    public Path serverProperties() {
        return layout.kafkaDir().resolve("server.properties");
    }

    private Path log() {
        return layout.logsDir().resolve("kafka.log");
    }

    /**
     * Writes the config, formats the storage on a first run, and starts the broker (not yet waiting for it).
     *
     * @return whether the storage was formatted, i.e. this is a fresh cluster
     */
    public synchronized boolean start() {
        if (stopped) {
            throw new RunningStack.StackStoppingException();
        }
        Path log4jConfig = layout.kafkaDir().resolve("log4j2.xml");
        try {
            Files.createDirectories(layout.kafkaDir());
            Files.writeString(serverProperties(), renderServerProperties(layout));
            try (InputStream config = KafkaBrokerProcess.class.getResourceAsStream("/kafka-log4j2.xml")) {
                Files.copy(config, log4jConfig, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean fresh = !Files.exists(layout.kafkaLogDirs().resolve("meta.properties"));
        if (fresh) {
            format(log4jConfig);
        }
        List<String> command = javaWithKafkaClasspath(log4jConfig, "-Xmx512m");
        command.add(MAIN_CLASS);
        command.add(serverProperties().toString());
        broker = ChildProcess.start(name(), command, Map.of(), layout.root(), log());
        pidFiles.write(name(), broker.pid(), pidMarker());
        return fresh;
    }

    /** KRaft refuses to start on unformatted storage; format gives it a cluster id and the first metadata. */
    private void format(Path log4jConfig) {
        List<String> command = javaWithKafkaClasspath(log4jConfig, "-Xmx256m");
        command.addAll(List.of(STORAGE_TOOL, "format",
                "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties().toString()));
        int exit = ChildProcess.run("kafka-storage-format", command, layout.root(), log(), Duration.ofSeconds(60));
        if (exit != 0) {
            throw new StartFailure("formatting Kafka storage failed (exit " + exit + "); last lines of " + log()
                    + ":" + System.lineSeparator() + ChildProcess.tail(log(), 30));
        }
    }

    private List<String> javaWithKafkaClasspath(Path log4jConfig, String heap) {
        return new ArrayList<>(List.of(
                StackLayout.javaExecutable().toString(),
                heap,
                "-Dlog4j2.configurationFile=" + log4jConfig.toUri(),
                "-cp", layout.libDir().resolve("*").toString()));
    }

    /** The broker's command line names its own server.properties; no other Kafka on this machine does. */
    String pidMarker() {
        return serverProperties().toString();
    }

    /** Polls {@code describeCluster()} until the broker answers, it dies, or the timeout passes. */
    public void awaitReady(Duration timeout) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                AdminClientConfig.CLIENT_ID_CONFIG, "planwatch-launcher",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!isRunning()) {
                    throw new StartFailure(exitReport());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting; ask again
                }
                Pause.briefly();
            }
        }
        throw new StartFailure("Kafka did not answer on " + layout.kafkaBootstrap() + " within " + timeout.toSeconds()
                + " s; last lines of " + log() + ":" + System.lineSeparator() + ChildProcess.tail(log(), 30));
    }

    @Override
    public synchronized boolean isRunning() {
        return broker != null && broker.isAlive();
    }

    @Override
    public synchronized String exitReport() {
        return "Kafka exited (code " + broker.exitCode() + "); last lines of " + log() + ":"
                + System.lineSeparator() + broker.logTail(30);
    }

    /** SIGTERM makes the broker do a controlled shutdown and flush its logs; 30 s is plenty for one node. */
    @Override
    public synchronized void stop() {
        stopped = true;
        if (broker != null) {
            broker.stop(StackLayout.KAFKA_STOP_GRACE);
            pidFiles.delete(name());
        }
    }
}
