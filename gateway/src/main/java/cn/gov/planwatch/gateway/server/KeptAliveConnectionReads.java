package cn.gov.planwatch.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a kept-alive connection reads its next request once an answer is out. Reactor Netty's HTTP/1.1 server
 * reads on demand; when a browser sends its next request before the previous exchange has wound down, the server
 * queues it, and draining that queue can end without asking the socket for more (reactor/reactor-netty#4347,
 * #4361): the browser's next call then waits forever, its bytes unread. Shortly after each answer, a connection
 * with no request in progress is asked to read: what it reads is served as any new request.
 */
@Configuration(proxyBeanMethods = false)
public class KeptAliveConnectionReads {

    static final String HANDLER = "planwatch.readAfterAnswer";

    @Bean
    NettyServerCustomizer readAfterEveryAnswer() {
        return KeptAliveConnectionReads::install;
    }

    static HttpServer install(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel.pipeline()));
    }

    /** Between the HTTP codec and Reactor Netty's traffic handler, where answers pass as HTTP objects. */
    static void install(ChannelPipeline pipeline) {
        if (pipeline.get(HANDLER) == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new ReadAfterAnswer());
        }
    }

    /** Long enough for the server's own follow-up of an answer (ending the exchange, draining its queue) to run. */
    static final Duration SETTLE = Duration.ofMillis(5);

    /** A request in progress reads its own body and resumes reading when it ends; an idle connection may be stuck. */
    static void readIfIdle(Channel channel) {
        if (channel.isActive() && !(ChannelOperations.get(channel) instanceof HttpServerRequest)) {
            channel.read();
        }
    }

    static final class ReadAfterAnswer extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            if (message instanceof LastHttpContent) {
                ChannelPromise written = promise.unvoid();
                written.addListener(done -> ctx.channel().eventLoop().schedule(() -> readIfIdle(ctx.channel()),
                        SETTLE.toMillis(), TimeUnit.MILLISECONDS));
                ctx.write(message, written);
                return;
            }
            ctx.write(message, promise);
        }
    }
}
