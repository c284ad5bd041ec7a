package cn.gov.planwatch.platform.apidescription;

import cn.gov.planwatch.contracts.plan.PlanId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resource of a plan is served at two addresses by one handler: under {@code /api/v1/plans/{plan}/…} for any plan,
 * and at the unscoped path of the time the product carried one plan, which means the default plan. The handler maps
 * both paths and takes {@code @PathVariable(required = false) String plan}. springdoc then describes the
 * {@code plan} variable on the unscoped path too, and tells the two operations apart by a numeric suffix; this names
 * the plan-scoped one {@code <operationId>InPlan}, drops the variable where the path has none, and says on each which
 * plan it means.
 */
public class PlanScopedPaths implements GlobalOpenApiCustomizer {

    public static final String PREFIX = "/api/v1/plans/{plan}/";
    public static final String SCOPED_SUFFIX = "InPlan";

    private static final String PLAN_VARIABLE = "{plan}";

    private static final Pattern SPRINGDOC_DEDUPLICATION = Pattern.compile("_\\d+$");

    private final String defaultPlan;

    public PlanScopedPaths(String defaultPlan) {
        this.defaultPlan = defaultPlan;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Set<String> unscoped = new HashSet<>();
        api.getPaths().forEach((path, item) -> {
            // The plan itself (/api/v1/plans/{plan}) names the plan in its path too: only a path without it is
            // the unscoped address of a plan's resource.
            if (!path.contains(PLAN_VARIABLE)) {
                for (Operation operation : item.readOperations()) {
                    if (hasPlanVariable(operation)) {
                        operation.setOperationId(baseId(operation));
                        operation.setParameters(withoutPlanVariable(operation.getParameters()));
                        operation.setDescription(append(operation.getDescription(), "This unscoped path means the "
                                + "default plan, " + defaultPlan + "; /api/v1/plans/{plan}/… serves any plan. / 不含"
                                + "规划的路径指默认规划 " + defaultPlan + "。"));
                        unscoped.add(operation.getOperationId());
                    }
                }
            }
        });
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith(PREFIX)) {
                for (Operation operation : item.readOperations()) {
                    String base = baseId(operation);
                    if (unscoped.contains(base)) {
                        operation.setOperationId(base + SCOPED_SUFFIX);
                    }
                    describePlanVariable(operation);
                }
            }
        });
    }

    private static boolean hasPlanVariable(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(PlanScopedPaths::isPlanVariable);
    }

    private static boolean isPlanVariable(Parameter parameter) {
        return "path".equals(parameter.getIn()) && "plan".equals(parameter.getName());
    }

    private static String baseId(Operation operation) {
        return operation.getOperationId() == null ? null
                : SPRINGDOC_DEDUPLICATION.matcher(operation.getOperationId()).replaceFirst("");
    }

    private static List<Parameter> withoutPlanVariable(List<Parameter> parameters) {
        List<Parameter> kept = new ArrayList<>(parameters);
        kept.removeIf(PlanScopedPaths::isPlanVariable);
        return kept.isEmpty() ? null : kept;
    }

    private static void describePlanVariable(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(PlanScopedPaths::isPlanVariable).forEach(parameter -> {
            parameter.setRequired(true);
            if (parameter.getDescription() == null) {
                parameter.setDescription("The plan's id / 规划标识");
            }
            if (parameter.getExample() == null) {
                parameter.setExample(PlanId.OF_EVENTS_BEFORE_PLANS.value());
            }
            parameter.setSchema(new StringSchema().pattern(PlanId.PATTERN).maxLength(PlanId.MAX_LENGTH));
        });
    }

    private static String append(String description, String sentence) {
        return description == null ? sentence : description + "\n\n" + sentence;
    }
}
