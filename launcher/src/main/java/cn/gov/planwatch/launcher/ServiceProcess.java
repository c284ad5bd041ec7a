package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a Spring Boot service of the product, run from its executable jar as its own JVM. It can be started
 * again after it died or was stopped for a restart, until the stack stops it for good.
 */
public final class ServiceProcess implements Supervised {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** The backend services, which the gateway balances over, drain before they stop when they have a sibling. */
    private static final List<String> BACKEND_SERVICES =
            List.of("indicator-service", "programme-service", "reporting-service");

    private final ServiceSpec.Instance instance;
    private final ServiceSpec spec;
    private final StackLayout layout;
    private final PidFiles pidFiles;
    private final DatabasePasswords passwords;
    private ChildProcess process;
    private boolean stopped;

    ServiceProcess(ServiceSpec.Instance instance, StackLayout layout, PidFiles pidFiles, DatabasePasswords passwords) {
        this.instance = instance;
        this.spec = instance.service();
        this.layout = layout;
        this.pidFiles = pidFiles;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return instance.label();
    }

    /** Instances of one service stop together when the whole stack stops. */
    @Override
    public String stopGroup() {
        return spec.name();
    }

    public ServiceSpec.Instance instance() {
        return instance;
    }

    /** The services take all their wiring from Spring's relaxed binding of these variables. */
    static Map<String, String> environment(ServiceSpec.Instance instance, StackLayout layout,
                                           DatabasePasswords passwords) {
        ServiceSpec spec = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(instance.port()));
        env.put("PLANWATCH_INSTANCE", instance.id());
        if (BACKEND_SERVICES.contains(spec.name()) && spec.instances() == 1) {
            // Alone, nothing else could take its requests while it drained: it stops at once, as it always did.
            env.put("PLANWATCH_SHUTDOWN_DRAIN_DELAY", "0s");
        }
        // A service with a database gets its own role, which owns its schema only; the others get no login at all.
        ServiceDatabaseRole.of(spec.name()).ifPresent(role -> {
            env.put("SPRING_DATASOURCE_URL", layout.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", role.role());
            env.put("SPRING_DATASOURCE_PASSWORD", passwords.of(role));
        });
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("PLANWATCH_DATA", layout.dataDir().toString());
        // Each service learns where the others are, so that a moved stack (PLANWATCH_PORT_OFFSET) still connects.
        env.put("PLANWATCH_AUTH_ISSUER", layout.urlOf("auth-server"));
        for (String other : BACKEND_SERVICES) {
            env.put("PLANWATCH_SERVICES_" + other.toUpperCase().replace('-', '_'), layout.urlOf(other));
        }
        if (spec.name().equals("auth-server")) {
            // The gateway's login callback and logout return, where the gateway really is (PLANWATCH_PORT_OFFSET).
            // Every gateway instance's, since a person may log in through any of them.
            List<String> gateways = layout.instanceUrlsOf("gateway");
            env.put("PLANWATCH_AUTH_GATEWAY_REDIRECT_URIS", String.join(",",
                    gateways.stream().map(url -> url + "/login/oauth2/code/planwatch").toList()));
            env.put("PLANWATCH_AUTH_GATEWAY_POST_LOGOUT_REDIRECT_URIS", String.join(",",
                    gateways.stream().map(url -> url + "/").toList()));
        }
        if (spec.name().equals("gateway")) {
            // The auth server generated the gateway's login client on its first start; the gateway needs its secret.
            DevelopmentClients.secretOf(layout.dataDir(), "planwatch-gateway")
                    .ifPresent(secret -> env.put("PLANWATCH_GATEWAY_CLIENT_SECRET", secret));
            // Redis is the gateway's alone: the login sessions and the rate limits every gateway instance shares.
            env.put("PLANWATCH_REDIS_HOST", "localhost");
            env.put("PLANWATCH_REDIS_PORT", Integer.toString(layout.redisPort()));
            env.put("PLANWATCH_REDIS_PASSWORD", passwords.redis());
            // The instances the gateway balances each service over; by JSON, as a service name with hyphens cannot
            // be a key in an environment variable's name.
            env.put("SPRING_APPLICATION_JSON", gatewayInstances(layout));
        }
        return env;
    }

    /** {@code spring.cloud.discovery.client.simple.instances.<service>[i].uri} for each backend service. */
    static String gatewayInstances(StackLayout layout) {
        ObjectNode configuration = JSON.createObjectNode();
        ObjectNode services = configuration.putObject("spring").putObject("cloud").putObject("discovery")
                .putObject("client").putObject("simple").putObject("instances");
        for (String service : BACKEND_SERVICES) {
            ArrayNode instances = services.putArray(service);
            layout.instanceUrlsOf(service).forEach(url -> instances.addObject().put("uri", url));
        }
        return configuration.toString();
    }

    @Override
    public synchronized void start() {
        if (stopped) {
            throw new RunningStack.StackStoppingException();
        }
        Path jar = spec.jar(layout.root());
        if (!Files.isRegularFile(jar)) {
            throw new StartFailure(missingJarMessage(spec, layout));
        }
        List<String> command = new ArrayList<>();
        command.add(StackLayout.javaExecutable().toString());
        command.addAll(layout.jvmOptionsOf(spec.name()));
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, environment(instance, layout, passwords), layout.root(),
                layout.logsDir().resolve(name() + ".log"));
        pidFiles.write(name(), process.pid(), jar.toString());
    }

    static String missingJarMessage(ServiceSpec spec, StackLayout layout) {
        return spec.name() + " is not built: " + layout.root().relativize(spec.jar(layout.root()))
                + " is missing. Build it with ./mvnw -DskipTests package";
    }

    /** True once {@code /actuator/health} answers 200; false while it is not up yet. */
    public boolean isHealthy() {
        return answers200("/actuator/health");
    }

    /** True while its readiness probe answers 200: it takes requests (the gateway checks the same). */
    @Override
    public boolean isReady() {
        return answers200("/actuator/health/readiness");
    }

    /** True while its liveness probe answers 503: the service has found it cannot recover without a restart. */
    @Override
    public boolean saysItIsBroken() {
        return status("/actuator/health/liveness") == 503;
    }

    private boolean answers200(String path) {
        return status(path) == 200;
    }

    /** The status {@code path} answers with, or 0 if it does not answer within 2 s. */
    private int status(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunningStack.StackStoppingException();
        } catch (Exception notYet) {
            return 0;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized String exitReport() {
        return name() + " exited (code " + process.exitCode() + "); last lines of " + process.log() + ":"
                + System.lineSeparator() + process.logTail(30);
    }

    @Override
    public synchronized String exitSummary() {
        return name() + " exited (code " + process.exitCode() + "; its log: " + process.log() + ")";
    }

    public String timeoutReport(Duration timeout) {
        return name() + " did not answer " + instance.baseUrl() + "/actuator/health with 200 within " + timeout.toSeconds()
                + " s; last lines of " + process.log() + ":" + System.lineSeparator() + process.logTail(30);
    }

    /** Stops it for good: it is not started again. */
    @Override
    public synchronized void stop() {
        stopped = true;
        stopForRestart();
    }

    /**
     * SIGTERM lets Spring shut down gracefully (drain, finish requests, commit offsets, leave the consumer group);
     * {@link #start()} may follow.
     */
    @Override
    public synchronized void stopForRestart() {
        if (process != null) {
            process.stop(StackLayout.SERVICE_STOP_GRACE);
            pidFiles.delete(name());
        }
    }
}
