package cn.gov.planwatch.platform.apidescription;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every operation of PlanWatch has in common, written once instead of on each controller method: the roles the
 * {@link ApiAccessPolicy} asks of it (as {@code x-roles}, the bearer security requirement and a sentence in its
 * description), and the RFC 9457 problems any operation of its kind can answer. A problem response a controller
 * declares without {@code application/problem+json} content gets the {@code Problem} schema.
 */
public class ApiDescriptionConventions implements GlobalOpenApiCustomizer {

    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";
    public static final String FIELD_PROBLEM = "FieldProblem";
    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(method.name(), concrete(path));
        if (access instanceof ApiAccessPolicy.Roles roles) {
            List<String> sorted = roles.roles().stream().sorted().toList();
            operation.addExtension("x-roles", sorted);
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            String sentence = "Roles: " + String.join(", ", sorted) + " / 角色：" + String.join("、", sorted) + ".";
            operation.setDescription(operation.getDescription() == null ? sentence
                    : operation.getDescription() + "\n\n" + sentence);
            problem(responses, "401", "No valid access token / 缺少有效的访问令牌");
            problem(responses, "403", "The caller's role or agency may not do this / 调用方的角色或机构无权执行此操作");
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, "400", "The request is malformed; errors[] names each field / 请求格式有误，errors[] 列出每个字段");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than allowed / 请求体过大");
            problem(responses, "415", "The body is not of a media type this operation takes / 不支持的请求体类型");
        }
        problem(responses, "406", "None of the accepted media types can be produced / 无法提供所接受的媒体类型");
        problem(responses, "503", "A store is briefly unavailable; nothing was recorded, retry after Retry-After / 存储暂不可用，未记录任何内容");
        if (writesThroughEventLog(operation)) {
            problem(responses, "504", "The event log did not confirm: send it again with the same Idempotency-Key / 事件日志未确认：请用同一 Idempotency-Key 重发");
        }
        // springdoc gives a declared response without content the success answer's media types and schema; a
        // problem is never that.
        responses.forEach((status, response) -> {
            if (isProblemStatus(status) && (response.getContent() == null
                    || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(ordered(responses));
    }

    /**
     * Only a write appended to the event log can be left unconfirmed by it (504), and every such write takes an
     * {@code Idempotency-Key} so that sending it again is safe; operations without one (a projection rebuild, a
     * dead-letter replay) never answer 504 themselves.
     */
    private static boolean writesThroughEventLog(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn())
                        && IdempotentWrites.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    /** A path template with each {@code {variable}} replaced by one concrete segment, as the policy matches requests. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}/]+}", "x");
    }

    private static boolean isProblemStatus(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static ApiResponses ordered(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(Comparator.naturalOrder());
        sorted.putAll(responses);
        ApiResponses result = new ApiResponses();
        sorted.forEach(result::addApiResponse);
        if (responses.getExtensions() != null) {
            result.setExtensions(responses.getExtensions());
        }
        return result;
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("Stable identifier of the kind of problem, e.g. https://planwatch.cn/problems/invalid-request"));
        properties.put("title", new StringSchema().description("Short summary of the kind of problem"));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong with this request, in English and Chinese"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The path that was called"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                .description("One entry per refused field, when the problem is about fields"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(List.of("type", "title", "status")));
        schema.description("An RFC 9457 problem: every refusal of PlanWatch is one.");
        schema.setExample(exampleProblem());
        return schema;
    }

    private static Schema<?> fieldProblemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("The field's path in the request, e.g. value or period"));
        properties.put("message", new StringSchema().description("Why it was refused"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(List.of("field", "message")));
        return schema;
    }

    private static Map<String, Object> exampleProblem() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://planwatch.cn/problems/invalid-request");
        example.put("title", "Invalid request");
        example.put("status", 400);
        example.put("detail", "period: must be a year of the plan, 2021–2025 / 须为规划年份 2021–2025");
        example.put("errors", List.of(Map.of("field", "period",
                "message", "must be a year of the plan, 2021–2025 / 须为规划年份 2021–2025")));
        return example;
    }
}
