package cn.gov.planwatch.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;

/**
 * {@code InstanceRetry}: sends a request that one instance of a service could not answer to another, only where that
 * cannot record anything twice.
 * <ul>
 *     <li>A read (GET, HEAD) is tried again when the instance refused the connection, broke it off, or answered 502 or
 *     503 (an instance going away); the last instance's answer stands if none does better.</li>
 *     <li>A write is tried again only when the connection was refused: then not a byte of it reached any instance.
 *     Once it was sent, its outcome is unknown, and only the client can settle it by resending with its
 *     Idempotency-Key (the gateway answers 502 {@code service-failed}).</li>
 * </ul>
 * A route filter, so that each attempt passes the load balancer again and, round-robin, reaches another instance; an
 * instance that refused a connection is passed over by every request for a while ({@link RefusedInstances}).
 */
@Component
public class InstanceRetryGatewayFilterFactory
        extends AbstractGatewayFilterFactory<InstanceRetryGatewayFilterFactory.Config> {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpStatusCode> INSTANCE_GOING_AWAY =
            Set.of(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE);

    private final RefusedInstances refused;

    public InstanceRetryGatewayFilterFactory(RefusedInstances refused) {
        super(Config.class);
        this.refused = refused;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            boolean read = READS.contains(exchange.getRequest().getMethod());
            return Mono.defer(() -> chain.filter(exchange))
                    .then(Mono.defer(() -> read && INSTANCE_GOING_AWAY.contains(exchange.getResponse().getStatusCode())
                            ? Mono.<Void>error(new InstanceGoingAway())
                            : Mono.empty()))
                    .retryWhen(Retry.backoff(config.getRetries(), config.getFirstBackoff())
                            .filter(failure -> read ? failure instanceof InstanceGoingAway
                                    || causedBy(failure, IOException.class) : causedBy(failure, ConnectException.class))
                            .doBeforeRetry(signal -> {
                                if (causedBy(signal.failure(), ConnectException.class)) {
                                    passOverRefusingInstance(exchange);
                                }
                                forgetAttempt(exchange);
                            })
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    // the last instance answered 502 or 503 itself: its answer, still unread, goes to the client
                    .onErrorResume(InstanceGoingAway.class, answered -> Mono.empty());
        };
    }

    /** The instance the load balancer chose for the last attempt refused the connection: nobody is sent there now. */
    private void passOverRefusingInstance(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen != null && chosen.hasServer()) {
            refused.refused(chosen.getServer());
        }
    }

    /** Lets the next attempt route afresh: a new instance, a new connection, none of the last answer's headers. */
    private static void forgetAttempt(ServerWebExchange exchange) {
        ServerWebExchangeUtils.reset(exchange);
        exchange.getResponse().setStatusCode(null);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** An instance answered 502 or 503 to a read: another may answer it. */
    private static final class InstanceGoingAway extends RuntimeException {
        InstanceGoingAway() {
            super(null, null, false, false);
        }
    }

    public static class Config {

        /** Attempts after the first. */
        private int retries = 2;
        /** Wait before the first retry, doubling for each next one. */
        private Duration firstBackoff = Duration.ofMillis(50);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }
    }
}
