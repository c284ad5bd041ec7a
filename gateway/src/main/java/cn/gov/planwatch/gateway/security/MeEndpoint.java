package cn.gov.planwatch.gateway.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;

/** {@code GET /api/v1/me}: who the dashboard (or a client) is signed in as, served by the gateway itself. */
@RestController
public class MeEndpoint {

    /**
     * @param csrf for a login session only: what its state-changing calls must send back. Readable by the
     *             dashboard's own pages alone (same origin, no CORS), so it is no use to a foreign page.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The caller / 调用方")
    public record Me(
            @Schema(description = "The person's or client's name / 人员或客户端名称", example = "国家知识产权局 报送员",
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "The agency the caller acts for; absent for a caller of no agency / 调用方所属机构",
                    example = "CNIPA") String agency,
            @Schema(description = "PlanWatch roles: reporter, lead, operator / 角色",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<String> roles,
            @Schema(description = "For a login session only / 仅限登录会话") Csrf csrf) {
    }

    @Schema(description = "What a login session's state-changing calls must send back / 登录会话修改类调用须回传的 CSRF 令牌")
    public record Csrf(
            @Schema(description = "The header to send it in / 回传所用的请求头", example = "X-XSRF-TOKEN",
                    requiredMode = Schema.RequiredMode.REQUIRED) String headerName,
            @Schema(description = "The token / 令牌", requiredMode = Schema.RequiredMode.REQUIRED) String token) {
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Me> me(Principal principal, ServerWebExchange exchange) {
        // The security chain lets only authenticated callers reach this path.
        return Mono.justOrEmpty(Caller.of(principal)).flatMap(caller -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (!caller.person() || token == null) {
                return Mono.just(new Me(caller.name(), caller.agency(), caller.roles(), null));
            }
            return token.map(csrf -> new Me(caller.name(), caller.agency(), caller.roles(),
                    new Csrf(csrf.getHeaderName(), csrf.getToken())));
        });
    }
}
