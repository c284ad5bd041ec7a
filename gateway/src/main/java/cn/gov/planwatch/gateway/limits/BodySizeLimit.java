package cn.gov.planwatch.gateway.limits;

import cn.gov.planwatch.contracts.access.RequestBodyLimits;
import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.RefusalLog;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Refuses request bodies over the limit with 413, before any of it is forwarded: the configured limit, or the larger
 * one an endpoint takes ({@link RequestBodyLimits}, e.g. a plan document).
 *
 * <p>A declared Content-Length over the limit is refused before a byte is read. A chunked body (no Content-Length,
 * so the stock RequestSize filter would let it through) is read up to the limit first: over it, the read stops
 * and its buffers are released; under it, the service receives it whole, with a Content-Length. Holding at most
 * one limit's worth per request is what guarantees a service never sees part of an oversized upload.
 */
public class BodySizeLimit implements WebFilter {

    private final int maxBytes;
    private final ProblemResponses problems;

    public BodySizeLimit(long maxBytes, ProblemResponses problems) {
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE);
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        int limit = (int) Math.min(RequestBodyLimits.maxBytes(request.getMethod().name(),
                request.getPath().pathWithinApplication().value(), maxBytes), Integer.MAX_VALUE);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return refuse(exchange, limit, "content-length " + declared + " over " + limit);
        }
        // HTTP/1.1 (the only protocol this server speaks) has a body without Content-Length only when chunked.
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), limit)
                .map(BodySizeLimit::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, over -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate().request(whole(exchange, body.get())).build())
                        : refuse(exchange, limit, "chunked body over " + limit));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, int maxBytes, String reason) {
        RefusalLog.refused(413, exchange, null, reason);
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is over the limit of " + maxBytes + " bytes; nothing was recorded.");
    }

    /** The request as the service will see it: the body read, its length declared. */
    private static ServerHttpRequest whole(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest sized = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                // wraps the array (no pooled memory to release), anew for each reader
                return Flux.defer(() -> Flux.just(buffers.wrap(body)));
            }
        };
    }

    /** A heap copy, so that no pooled buffer is held if the request is refused before its body is forwarded. */
    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }
}
