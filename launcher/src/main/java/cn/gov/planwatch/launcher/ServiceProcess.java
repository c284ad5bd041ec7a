package cn.gov.planwatch.launcher;

import cn.gov.planwatch.contracts.database.ServiceDatabaseRole;

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

/** One Spring Boot service of the product, run from its executable jar as its own JVM. */
public final class ServiceProcess implements StackComponent {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final StackLayout layout;
    private final PidFiles pidFiles;
    private final DatabasePasswords passwords;
    private ChildProcess process;
    private boolean stopped;

    ServiceProcess(ServiceSpec spec, StackLayout layout, PidFiles pidFiles, DatabasePasswords passwords) {
        this.spec = spec;
        this.layout = layout;
        this.pidFiles = pidFiles;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return spec.name();
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The services take all their wiring from Spring's relaxed binding of these variables. */
    static Map<String, String> environment(ServiceSpec spec, StackLayout layout, DatabasePasswords passwords) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(spec.port()));
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
        for (String other : List.of("indicator-service", "programme-service", "reporting-service")) {
            env.put("PLANWATCH_SERVICES_" + other.toUpperCase().replace('-', '_'), layout.urlOf(other));
        }
        if (spec.name().equals("auth-server")) {
            // The gateway's login callback and logout return, where the gateway really is (PLANWATCH_PORT_OFFSET).
            env.put("PLANWATCH_AUTH_GATEWAY_REDIRECT_URIS", layout.urlOf("gateway") + "/login/oauth2/code/planwatch");
            env.put("PLANWATCH_AUTH_GATEWAY_POST_LOGOUT_REDIRECT_URIS", layout.urlOf("gateway") + "/");
        }
        if (spec.name().equals("gateway")) {
            // The auth server generated the gateway's login client on its first start; the gateway needs its secret.
            DevelopmentClients.secretOf(layout.dataDir(), "planwatch-gateway")
                    .ifPresent(secret -> env.put("PLANWATCH_GATEWAY_CLIENT_SECRET", secret));
            // Redis is the gateway's alone: the login sessions and the rate limits every gateway instance shares.
            env.put("PLANWATCH_REDIS_HOST", "localhost");
            env.put("PLANWATCH_REDIS_PORT", Integer.toString(layout.redisPort()));
            env.put("PLANWATCH_REDIS_PASSWORD", passwords.redis());
        }
        return env;
    }

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
        command.addAll(layout.serviceJvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, environment(spec, layout, passwords), layout.root(),
                layout.logsDir().resolve(name() + ".log"));
        pidFiles.write(name(), process.pid(), jar.toString());
    }

    static String missingJarMessage(ServiceSpec spec, StackLayout layout) {
        return spec.name() + " is not built: " + layout.root().relativize(spec.jar(layout.root()))
                + " is missing. Build it with ./mvnw -DskipTests package";
    }

    /** True once {@code /actuator/health} answers 200; false while it is not up yet. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunningStack.StackStoppingException();
        } catch (Exception notYet) {
            return false;
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

    public String timeoutReport(Duration timeout) {
        return name() + " did not answer " + spec.baseUrl() + "/actuator/health with 200 within " + timeout.toSeconds()
                + " s; last lines of " + process.log() + ":" + System.lineSeparator() + process.logTail(30);
    }

    /** SIGTERM lets Spring shut down gracefully (finish requests, commit offsets, leave the consumer group). */
    @Override
    public synchronized void stop() {
        stopped = true;
        if (process != null) {
            process.stop(StackLayout.SERVICE_STOP_GRACE);
            pidFiles.delete(name());
        }
    }
}
