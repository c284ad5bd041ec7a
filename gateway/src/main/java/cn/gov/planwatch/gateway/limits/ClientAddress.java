package cn.gov.planwatch.gateway.limits;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;

/**
 * The address a request came from, for limits keyed by address: the TCP peer, never a header the caller wrote
 * (X-Forwarded-For and Forwarded would let one caller pose as any number of addresses). Behind a reverse proxy
 * listed in {@code planwatch.gateway.trusted-proxies}, {@link TrustedProxies} has already put the address that
 * proxy saw in the peer's place.
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
