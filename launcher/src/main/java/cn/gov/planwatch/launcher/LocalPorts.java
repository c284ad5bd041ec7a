package cn.gov.planwatch.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ports the stack listens on, and whether someone else holds them already. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** Every port of the stack, with what uses it; the map keeps the layout's order. */
    public static Map<Integer, String> of(StackLayout layout) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(layout.postgresPort(), "PostgreSQL (PLANWATCH_PG_PORT)");
        ports.put(layout.kafkaPort(), "Kafka (PLANWATCH_KAFKA_PORT)");
        ports.put(layout.kafkaControllerPort(), "Kafka controller (PLANWATCH_KAFKA_CONTROLLER_PORT)");
        ports.put(layout.redisPort(), "Redis (PLANWATCH_REDIS_PORT)");
        for (ServiceSpec.Instance instance : layout.instances()) {
            ports.put(instance.port(), instance.label());
        }
        return ports;
    }

    /**
     * Fails with one message naming every taken port. Binding the wildcard address fails if any process listens on the
     * port on any interface, which is what would make our own bind fail later, less clearly.
     */
    public static void requireFree(Map<Integer, String> ports) {
        List<String> taken = ports.entrySet().stream()
                .filter(e -> !isFree(e.getKey()))
                .map(e -> "  " + e.getKey() + " for " + e.getValue())
                .toList();
        if (!taken.isEmpty()) {
            throw new StartFailure("These ports are taken by another process (see `ss -ltnp`):"
                    + System.lineSeparator() + String.join(System.lineSeparator(), taken)
                    + System.lineSeparator() + "Stop that process, or move ours with the variable named in brackets.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
