package cn.gov.planwatch.gateway.limits;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTest {

    private final TrustedProxies behindTheProxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(clientSeenBy(new TrustedProxies(List.of()), "10.0.0.5", "203.0.113.7")).isEqualTo("10.0.0.5");
    }

    @Test
    void aCallerThatIsNoTrustedProxyCannotNameAnotherAddress() {
        assertThat(clientSeenBy(behindTheProxies, "198.51.100.20", "203.0.113.7")).isEqualTo("198.51.100.20");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostAddressNotAProxy() {
        // the left-most entry is what the client wrote; the proxies appended the rest
        assertThat(clientSeenBy(behindTheProxies, "10.0.0.5", "1.2.3.4, 203.0.113.7, 192.0.2.1"))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aProxyThatNamesNobodyOrNonsenseLeavesItsOwnAddress() {
        assertThat(clientSeenBy(behindTheProxies, "10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(clientSeenBy(behindTheProxies, "10.0.0.5", "10.1.1.1")).isEqualTo("10.0.0.5");
    }

    private static String clientSeenBy(TrustedProxies filter, String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/oauth2/authorization/planwatch")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
            seen.set(ClientAddress.of(exchange.getRequest()));
            return Mono.empty();
        }).block();
        return seen.get();
    }
}
