package cn.gov.planwatch.gateway.security;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * A dashboard form's body is read twice: by the CSRF check (its {@code _csrf} field) and by the route that forwards
 * it to the service. The connection gives it once, so a form post is held in memory (the body size limit, applied
 * before this, bounds it) and both read that.
 */
class FormBodyForRoute implements WebFilter {

    private static final ResolvableType FORM = ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class,
            String.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody()).map(FormBodyForRoute::bytes).defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    ServerHttpRequest held = new ServerHttpRequestDecorator(request) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    };
                    Mono<MultiValueMap<String, String>> form = new FormHttpMessageReader()
                            .readMono(FORM, held, Map.of()).cache();
                    return chain.filter(new ServerWebExchangeDecorator(exchange.mutate().request(held).build()) {
                        @Override
                        public Mono<MultiValueMap<String, String>> getFormData() {
                            return form;
                        }
                    });
                });
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
