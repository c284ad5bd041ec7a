package cn.gov.planwatch.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Where everything lives and which ports it uses: the launcher's only configuration.
 *
 * <p>Each setting is read from a system property or, failing that, an environment variable; the property name is the
 * variable's lower-cased with dots, e.g. {@code PLANWATCH_PG_PORT} / {@code -Dplanwatch.pg.port}.
 */
public record StackLayout(
        Path root,
        Path dataDir,
        Path libDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int redisPort,
        Map<String, List<String>> jvmOptionsByService,
        List<List<ServiceSpec>> startGroups) {

    /**
     * The product's services in start order. Each inner list starts in parallel, and the next one starts only once all
     * of it answers healthy. Adding a service is one entry here.
     */
    public static final List<List<ServiceSpec>> DEFAULT_START_GROUPS = List.of(
            // Nothing needs the auth server to start: services fetch its keys on the first token they see. Only
            // the gateway waits for it (for the login client the auth server writes on its first start).
            List.of(new ServiceSpec("auth-server", 9000),
                    new ServiceSpec("indicator-service", 8081),
                    new ServiceSpec("programme-service", 8082),
                    new ServiceSpec("reporting-service", 8083)),
            List.of(new ServiceSpec("gateway", 8080)));

    /** The services that can run as several instances (PLANWATCH_REPLICAS). */
    public static final Set<String> REPLICATED_SERVICES =
            Set.of("indicator-service", "programme-service", "reporting-service", "gateway");

    /**
     * Every service's JVM options unless set: small (serial GC, 256 MiB heap) and the full tiered compiler, which
     * once warm takes about half the CPU per request of C1 alone, for about 15 % more resident memory
     * (docs/benchmarks.md, "The services' JVM options").
     */
    public static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k";
    /**
     * C1 only: a stack up in two thirds of the time, for one that lives minutes (a test's) and is never warm enough
     * for the full compiler to pay back its compilations.
     */
    public static final String QUICK_START_JVM_OPTIONS = DEFAULT_JVM_OPTIONS + " -XX:TieredStopAtLevel=1";
    public static final String DATABASE = "planwatch";
    /** Creates the service roles and nothing else; no service connects as it. */
    public static final String DATABASE_SUPERUSER = "postgres";

    public static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration REDIS_READY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration SERVICE_HEALTHY_TIMEOUT = Duration.ofSeconds(120);
    /** A service drains for 5 s (planwatch.shutdown.drain-delay), then finishes what it has. */
    public static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(25);
    public static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    public static final Duration STALE_STOP_GRACE = Duration.ofSeconds(10);

    public StackLayout {
        root = root.toAbsolutePath().normalize();
        dataDir = root.resolve(dataDir).normalize();
        libDir = root.resolve(libDir).normalize();
        jvmOptionsByService = Map.copyOf(jvmOptionsByService);
        startGroups = startGroups.stream().map(List::copyOf).toList();
    }

    /** Reads the layout for a launcher whose working directory is the repository root. */
    public static StackLayout from(Map<String, String> env, Properties properties, Path root, Path libDir) {
        Function<String, String> setting = name -> {
            String property = properties.getProperty(name.toLowerCase().replace('_', '.'));
            return property != null ? property : env.get(name);
        };
        // One offset moves every port, so a second stack (a test's, say) can run beside the default one.
        int offset = Integer.parseInt(orDefault(setting.apply("PLANWATCH_PORT_OFFSET"), "0"));
        return new StackLayout(
                root,
                Path.of(orDefault(setting.apply("PLANWATCH_DATA"), ".data")),
                libDir,
                Integer.parseInt(orDefault(setting.apply("PLANWATCH_PG_PORT"), Integer.toString(15432 + offset))),
                Integer.parseInt(orDefault(setting.apply("PLANWATCH_KAFKA_PORT"), Integer.toString(19092 + offset))),
                Integer.parseInt(orDefault(setting.apply("PLANWATCH_KAFKA_CONTROLLER_PORT"),
                        Integer.toString(19093 + offset))),
                Integer.parseInt(orDefault(setting.apply("PLANWATCH_REDIS_PORT"), Integer.toString(16379 + offset))),
                jvmOptions(setting),
                selectServices(setting.apply("PLANWATCH_SERVICES")).stream()
                        .map(group -> group.stream().map(s -> new ServiceSpec(s.name(), s.port() + offset,
                                instancesOf(s.name(), setting))).toList())
                        .toList());
    }

    /**
     * Each service's JVM options: {@code PLANWATCH_<SERVICE>_JVM_OPTS} (e.g. {@code PLANWATCH_REPORTING_SERVICE_JVM_OPTS}),
     * else {@code PLANWATCH_JVM_OPTS}, else {@link #DEFAULT_JVM_OPTIONS}.
     */
    static Map<String, List<String>> jvmOptions(Function<String, String> setting) {
        String everyService = setting.apply("PLANWATCH_JVM_OPTS");
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (ServiceSpec service : DEFAULT_START_GROUPS.stream().flatMap(List::stream).toList()) {
            String own = setting.apply(ownSetting(service.name(), "JVM_OPTS"));
            byService.put(service.name(), options(orDefault(own, orDefault(everyService, DEFAULT_JVM_OPTIONS))));
        }
        return byService;
    }

    /** The JVM options a service's instances start with. */
    public List<String> jvmOptionsOf(String service) {
        return jvmOptionsByService.getOrDefault(service, options(DEFAULT_JVM_OPTIONS));
    }

    private static List<String> options(String commandLine) {
        return Arrays.asList(commandLine.trim().split("\\s+"));
    }

    /** A service's own setting, e.g. {@code PLANWATCH_INDICATOR_SERVICE_REPLICAS} for indicator-service's replicas. */
    private static String ownSetting(String service, String setting) {
        return "PLANWATCH_" + service.toUpperCase().replace('-', '_') + "_" + setting;
    }

    /**
     * {@code PLANWATCH_<SERVICE>_REPLICAS} (e.g. {@code PLANWATCH_INDICATOR_SERVICE_REPLICAS=3}), else
     * {@code PLANWATCH_REPLICAS}, else one. The auth server always runs once: its signing keys and generated clients
     * are files of its own.
     */
    static int instancesOf(String service, Function<String, String> setting) {
        if (!REPLICATED_SERVICES.contains(service)) {
            return 1;
        }
        String own = ownSetting(service, "REPLICAS");
        String value = orDefault(setting.apply(own), orDefault(setting.apply("PLANWATCH_REPLICAS"), "1"));
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1 && count <= ServiceSpec.MAX_INSTANCES) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(own + " (or PLANWATCH_REPLICAS) must be a number from 1 to "
                + ServiceSpec.MAX_INSTANCES + ", not '" + value + "'");
    }

    /**
     * {@code null} or empty = all services; {@code none} = infrastructure only; otherwise a comma-separated subset of
     * the default services (they keep their default groups and order).
     */
    static List<List<ServiceSpec>> selectServices(String selection) {
        if (selection == null || selection.isBlank()) {
            return DEFAULT_START_GROUPS;
        }
        if (selection.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : selection.split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.trim());
            }
        }
        List<List<ServiceSpec>> groups = new ArrayList<>();
        for (List<ServiceSpec> group : DEFAULT_START_GROUPS) {
            List<ServiceSpec> kept = group.stream().filter(s -> wanted.remove(s.name())).toList();
            if (!kept.isEmpty()) {
                groups.add(kept);
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("PLANWATCH_SERVICES names unknown services " + wanted + "; known: "
                    + DEFAULT_START_GROUPS.stream().flatMap(List::stream).map(ServiceSpec::name).toList());
        }
        return groups;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    public List<ServiceSpec> services() {
        return startGroups.stream().flatMap(List::stream).toList();
    }

    /** Every instance of every service, in start order. */
    public List<ServiceSpec.Instance> instances() {
        return services().stream().flatMap(s -> s.allInstances().stream()).toList();
    }

    /** Where each instance of a service of the product answers in this layout (the first alone if it is not run). */
    public List<String> instanceUrlsOf(String service) {
        return services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> s.allInstances().stream().map(ServiceSpec.Instance::baseUrl).toList())
                .orElse(List.of(urlOf(service)));
    }

    /** Where a service of the product answers in this layout, by name (its first instance). */
    public String urlOf(String service) {
        int defaultPort = DEFAULT_START_GROUPS.stream().flatMap(List::stream).filter(s -> s.name().equals(service))
                .findFirst().orElseThrow().port();
        return services().stream().filter(s -> s.name().equals(service)).findFirst().map(ServiceSpec::baseUrl)
                .orElse("http://localhost:" + defaultPort);
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    /** Redis' configuration and its snapshot of the login sessions, so that a restart keeps people logged in. */
    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path kafkaLogDirs() {
        return kafkaDir().resolve("logs");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path pidsDir() {
        return dataDir.resolve("pids");
    }

    /** The passwords of the embedded PostgreSQL's logins ({@link DatabasePasswords}). */
    public Path databasePasswordsFile() {
        return dataDir.resolve(DatabasePasswords.FILE);
    }

    /**
     * Creates the data directory and the launcher's directories in it, owner-only (700); ones left by an earlier
     * version are narrowed to 700. Everything below inherits the protection, whatever its own mode.
     */
    public void createDataDirectories() {
        for (Path dir : List.of(dataDir, logsDir(), pidsDir(), kafkaDir(), postgresDir(), redisDir())) {
            OwnerOnly.directory(dir);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
    }

    public String redisAddress() {
        return "localhost:" + redisPort;
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    /** The children run on the launcher's own JDK, so {@code run.sh} and the services agree on one Java. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
