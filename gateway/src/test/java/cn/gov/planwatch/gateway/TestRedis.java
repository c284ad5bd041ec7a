package cn.gov.planwatch.gateway;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real redis-server (embedded-redis' Linux binary) on a free port, holding nothing on disk. {@link #shared()} is
 * the one every gateway test context uses; a test that stops Redis starts its own.
 */
final class TestRedis {

    private static TestRedis shared;

    private final int port;
    private final RedisServer server;

    TestRedis() {
        port = freePort();
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").onShutdownForceStop(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    static synchronized TestRedis shared() {
        if (shared == null) {
            shared = new TestRedis();
        }
        return shared;
    }

    int port() {
        return port;
    }

    void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
