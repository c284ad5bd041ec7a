package cn.gov.planwatch.gateway.limits;

import io.netty.util.NetUtil;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Behind a reverse proxy every request comes from the proxy, so limits per address would become one limit for
 * everybody. When the TCP peer is a configured trusted proxy, the request's remote address becomes the client that
 * proxy names: the right-most X-Forwarded-For entry that is not itself a trusted proxy (entries further left were
 * written by the client and prove nothing). From any other peer the header is ignored. No proxies configured: the
 * peer is the client, always.
 */
public class TrustedProxies implements WebFilter, Ordered {

    private final List<AddressRange> proxies;

    /** @param proxies addresses ({@code 192.0.2.1}) or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public TrustedProxies(List<String> proxies) {
        this.proxies = proxies.stream().map(AddressRange::parse).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (proxies.isEmpty() || !trusted(ClientAddress.of(request))) {
            return chain.filter(exchange);
        }
        List<String> hops = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!trusted(hop)) {
                InetSocketAddress client = InetSocketAddress.createUnresolved(hop, 0);
                return chain.filter(exchange.mutate().request(request.mutate().remoteAddress(client).build()).build());
            }
        }
        return chain.filter(exchange);
    }

    /** Whether {@code address} is a trusted proxy; anything but an IP literal is not (and is never looked up). */
    private boolean trusted(String address) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(address);
        return literal != null && proxies.stream().anyMatch(proxy -> proxy.contains(literal));
    }

    private record AddressRange(byte[] network, int prefixBits) {

        static AddressRange parse(String range) {
            String[] parts = range.trim().split("/", 2);
            byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            int bits = network == null ? -1 : parts.length == 1 ? network.length * 8 : prefix(parts[1]);
            if (network == null || bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException(
                        "planwatch.gateway.trusted-proxies: '" + range + "' is no IP address or CIDR range");
            }
            return new AddressRange(network, bits);
        }

        private static int prefix(String bits) {
            try {
                return Integer.parseInt(bits);
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
