package cn.gov.planwatch.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One Spring Boot service of the product: its Maven module name, the HTTP port of its first instance, and how many
 * instances of it run. Instance i listens on {@code port + 10·i}, so that stacks moved by a port offset (a multiple
 * of 100) never share a port.
 */
public record ServiceSpec(String name, int port, int instances) {

    /** Instance i's port is the first's plus this times i. */
    public static final int INSTANCE_PORT_STEP = 10;
    /** Ten instances keep clear of a stack moved by an offset of 100. */
    public static final int MAX_INSTANCES = 10;

    public ServiceSpec {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(name + " can run 1 to " + MAX_INSTANCES + " instances, not " + instances);
        }
    }

    public ServiceSpec(String name, int port) {
        this(name, port, 1);
    }

    public ServiceSpec withInstances(int count) {
        return new ServiceSpec(name, port, count);
    }

    /** By convention each module builds {@code <module>/target/<module>.jar} (finalName = artifactId). */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    /** The first instance's address. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public List<Instance> allInstances() {
        return IntStream.range(0, instances).mapToObj(index -> new Instance(this, index)).toList();
    }

    /** One running copy of a service. */
    public record Instance(ServiceSpec service, int index) {

        public int port() {
            return service.port() + INSTANCE_PORT_STEP * index;
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }

        /** Unique among every instance of the stack, e.g. {@code indicator-service-2}; the service sees it too. */
        public String id() {
            return service.name() + "-" + (index + 1);
        }

        /**
         * What the launcher calls it (output, log and pid file): the service's name alone when it runs once, as it
         * always did, its {@link #id()} when it runs several times.
         */
        public String label() {
            return service.instances() == 1 ? service.name() : id();
        }
    }
}
