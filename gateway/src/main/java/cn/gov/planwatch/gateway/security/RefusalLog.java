package cn.gov.planwatch.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;

import java.security.Principal;

/**
 * One structured line per request the gateway refuses, on logger {@code planwatch.security}: status, method, path,
 * caller (client and subject) when known and the reason. Never the token or the body.
 */
public final class RefusalLog {

    private static final Logger security = LoggerFactory.getLogger("planwatch.security");

    private RefusalLog() {
    }

    public static void refused(int status, ServerWebExchange exchange, Principal principal, String reason) {
        if (!security.isWarnEnabled()) {
            return;
        }
        Caller caller = Caller.of(principal).orElse(null);
        // A principal's name is its subject: the person who logged in, or a client acting for itself.
        security.warn("security.refused status={} method={} path={} client={} subject={} agency={} reason=\"{}\"",
                status, exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                caller == null ? "-" : caller.id(), principal == null ? "-" : principal.getName(),
                caller == null || caller.agency() == null ? "-" : caller.agency(),
                reason == null ? "-" : reason.replace('"', '\'').replace('\n', ' ').replace('\r', ' '));
    }
}
