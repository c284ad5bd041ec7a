package cn.gov.planwatch.launcher;

import java.nio.file.Path;

/** One Spring Boot service of the product: its Maven module name and the HTTP port it is given. */
public record ServiceSpec(String name, int port) {

    /** By convention each module builds {@code <module>/target/<module>.jar} (finalName = artifactId). */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
