package cn.gov.planwatch.platform.apidescription;

import cn.gov.planwatch.contracts.plan.PlanId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource of a plan is served at two addresses by one handler: under {@code /api/v1/plans/{plan}/…} for any plan,
 * and at the unscoped path of the time the product carried one plan, which means the default plan. The handler maps
 * both paths and takes {@code @PathVariable(required = false) String plan}. springdoc describes the two paths as two
 * operations told apart by a numeric suffix, on either of them, and may describe the {@code plan} variable on the
 * unscoped path too; this names the unscoped one {@code <operationId>} and the plan-scoped one
 * {@code <operationId>InPlan}, drops the variable where the path has none, and says on each which plan it means. The
 * twins are found by their paths: the same method on {@code /api/v1/…} and {@code /api/v1/plans/{plan}/…}, with the
 * same operationId but for springdoc's suffix.
 */
public class PlanScopedPaths implements GlobalOpenApiCustomizer {

    public static final String PREFIX = "/api/v1/plans/{plan}/";
    public static final String SCOPED_SUFFIX = "InPlan";

    private static final String UNSCOPED_PREFIX = "/api/v1/";
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
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith(PREFIX)) {
                return;
            }
            PathItem twin = api.getPaths().get(UNSCOPED_PREFIX + path.substring(PREFIX.length()));
            item.readOperationsMap().forEach((method, operation) -> {
                Operation unscoped = twin == null ? null : twin.readOperationsMap().get(method);
                String base = baseId(operation);
                if (unscoped != null && base != null && base.equals(baseId(unscoped))) {
                    unscoped.setOperationId(base);
                    unscoped.setParameters(withoutPlanVariable(unscoped.getParameters()));
                    unscoped.setDescription(append(unscoped.getDescription(), "This unscoped path means the default "
                            + "plan, " + defaultPlan + "; /api/v1/plans/{plan}/… serves any plan. / 不含规划的路径指默认"
                            + "规划 " + defaultPlan + "。"));
                    operation.setOperationId(base + SCOPED_SUFFIX);
                }
                describePlanVariable(operation);
            });
        });
    }

    private static boolean isPlanVariable(Parameter parameter) {
        return "path".equals(parameter.getIn()) && "plan".equals(parameter.getName());
    }

    private static String baseId(Operation operation) {
        return operation.getOperationId() == null ? null
                : SPRINGDOC_DEDUPLICATION.matcher(operation.getOperationId()).replaceFirst("");
    }

    private static List<Parameter> withoutPlanVariable(List<Parameter> parameters) {
        if (parameters == null) {
            return null;
        }
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
