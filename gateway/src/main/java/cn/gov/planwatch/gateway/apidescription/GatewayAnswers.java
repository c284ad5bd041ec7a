package cn.gov.planwatch.gateway.apidescription;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.gateway.security.MeEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the gateway itself adds to the published description: who publishes it (info, the one server), its own
 * operation {@code GET /api/v1/me}, and the refusals it answers before or instead of a service — the rate limit
 * (429), the body limit (413) and, for routed operations, a service that failed (502), is down (503) or was too slow
 * (504).
 */
final class GatewayAnswers {

    static final String GATEWAY = "gateway";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DataSize maxBodySize;

    GatewayAnswers(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    ObjectNode info() {
        ObjectNode info = NODES.objectNode();
        info.put("title", "PlanWatch API");
        info.put("version", "v1");
        info.put("description", """
                PlanWatch tracks a national five-year plan across ministries: agencies report indicator values and \
                programme progress, submit their quarterly updates, and the lead agency reviews them and watches the \
                consolidated national view. Every call goes through this gateway with an access token of the PlanWatch \
                authorization server; every refusal is an RFC 9457 problem (application/problem+json).

                PlanWatch 跟踪国家五年规划在各部门的落实情况：各机构报送指标数值和专栏进展、提交季度更新，牵头机构审核并查看全国汇总视图。\
                所有调用均经本网关，并须携带 PlanWatch 授权服务器签发的访问令牌；所有拒绝均以 RFC 9457 问题详情（application/problem+json）答复。
                """);
        return info;
    }

    /** Relative to where the description was fetched: the gateway, whatever its host name. */
    ArrayNode servers() {
        ArrayNode servers = NODES.arrayNode();
        servers.addObject().put("url", "/").put("description", "This gateway / 本网关");
        return servers;
    }

    /** The gateway's own operation, its schemas and tag, and the components its answers refer to. */
    ServiceDescription ownDescription() {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.0.1");
        document.putArray("tags").addObject().put("name", "Caller")
                .put("description", "Who is calling / 当前调用方");
        ObjectNode me = document.putObject("paths").putObject("/api/v1/me").putObject("get");
        me.putArray("tags").add("Caller");
        me.put("operationId", "getCurrentCaller");
        me.put("summary", "Who the caller is / 当前调用方是谁");
        me.put("description", """
                The client or person the access token (or the dashboard's login session) stands for: name, agency \
                and roles. A login session also gets the CSRF token its state-changing calls must send back.
                访问令牌（或仪表盘登录会话）所代表的客户端或人员：名称、机构和角色。登录会话还会得到其修改类调用须回传的 CSRF 令牌。

                Roles: %s / 角色：%s.""".formatted(String.join(", ", sorted(ApiAccessPolicy.ANY_ROLE)),
                String.join("、", sorted(ApiAccessPolicy.ANY_ROLE))));
        ArrayNode roles = me.putArray("x-roles");
        sorted(ApiAccessPolicy.ANY_ROLE).forEach(roles::add);
        me.putArray("security").addObject().putArray(BEARER);
        ObjectNode responses = me.putObject("responses");
        responses.putObject("200").put("description", "The caller / 调用方").putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Me");
        problem(responses, "401", "No valid access token / 缺少有效的访问令牌");
        problem(responses, "403", "The caller has none of PlanWatch's roles / 调用方没有 PlanWatch 的任何角色");
        problem(responses, "406", "None of the accepted media types can be produced / 无法提供所接受的媒体类型");

        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Map<String, Schema> generated = new TreeMap<>(
                ModelConverters.getInstance().readAll(MeEndpoint.Me.class));
        generated.forEach((name, schema) -> schemas.set(name, Json.mapper().valueToTree(schema)));
        components.putObject("securitySchemes").putObject(BEARER)
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of the PlanWatch auth server (audience planwatch).");
        return new ServiceDescription(GATEWAY, document);
    }

    /** The refusals the gateway answers for {@code operation}, where it does not describe them already. */
    void addTo(ObjectNode operation, boolean routed) {
        ObjectNode responses = operation.withObjectProperty("responses");
        ObjectNode tooMany = problem(responses, "429", "Too many requests from this client; send again after "
                + "Retry-After seconds / 请求过多，请在 Retry-After 秒后重试");
        if (!tooMany.path("headers").has("Retry-After")) {
            tooMany.withObjectProperty("headers").putObject("Retry-After")
                    .put("description", "Seconds to wait before sending again / 重试前须等待的秒数")
                    .putObject("schema").put("type", "integer").put("format", "int32");
        }
        problem(responses, "413", "The body is larger than the gateway takes (" + maxBodySize.toKilobytes()
                + " KB) / 请求体超过网关上限");
        if (routed) {
            problem(responses, "502", "The service failed while answering; whether the request took effect is "
                    + "unknown / 服务在答复过程中失败，请求是否生效未知");
            problem(responses, "503", "The service is not answering; nothing was recorded, retry after Retry-After "
                    + "/ 服务暂无响应，未记录任何内容");
            // A write through the event log describes its own 504 (resend with the same Idempotency-Key), which is
            // kept; what is left here are reads and the writes that take no key.
            problem(responses, "504", "The service did not answer in time; whether a write took effect is unknown "
                    + "/ 服务未能及时答复，写操作是否生效未知");
        }
        Map<String, JsonNode> byStatus = new TreeMap<>();
        responses.properties().forEach(response -> byStatus.put(response.getKey(), response.getValue()));
        operation.set("responses", NODES.objectNode().setAll(byStatus));
    }

    private static ObjectNode problem(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            return (ObjectNode) responses.get(status);
        }
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject(PROBLEM_JSON).putObject("schema")
                .put("$ref", "#/components/schemas/" + PROBLEM);
        return response;
    }

    private static List<String> sorted(Set<String> roles) {
        return roles.stream().sorted().toList();
    }
}
