package cn.gov.planwatch.gateway.limits;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;

/**
 * The address a request came from, for limits keyed by address: the TCP peer, never a header. X-Forwarded-For and
 * Forwarded are whatever the caller wrote, so trusting them would let one caller pose as any number of addresses.
 * Behind a reverse proxy every caller has the proxy's address; such a deployment must limit at the proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
