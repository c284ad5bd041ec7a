package cn.gov.planwatch.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * A request the security firewall refuses before any route sees it — a path with an encoded slash, backslash, NUL or
 * percent, or a control character — is a 400 problem like every other refusal, not an empty 400.
 */
@Component
public class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    public RejectedExchangeProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "http-400", "Bad Request",
                "The request's path or headers are malformed (an encoded slash, backslash, NUL or percent sign, or a"
                        + " control character); nothing was forwarded. / 请求路径或头部格式错误，未转发。");
        // The path itself may be what was refused: named only when it is a well-formed URI reference.
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException e) {
            problem.setInstance(URI.create("/"));
        }
        return problems.write(exchange, problem);
    }
}
