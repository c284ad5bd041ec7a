package cn.gov.planwatch.platform.rebuild;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes the rebuild of each of the service's read models at its own paths
 * ({@code /api/v1/ops/projections/observations/rebuild}, operation {@code rebuildObservations}) instead of the one
 * {@code {name}} path: several services serve that path, each for its own read models, and the gateway's merged
 * description must name every read model once.
 */
class ProjectionRebuildPaths implements GlobalOpenApiCustomizer {

    private final List<String> names;

    ProjectionRebuildPaths(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public void customise(OpenAPI api) {
        Paths paths = api.getPaths();
        if (paths == null) {
            return;
        }
        PathItem rebuild = paths.remove(ProjectionRebuildController.REBUILD);
        PathItem status = paths.remove(ProjectionRebuildController.STATUS);
        for (String name : names) {
            String pascal = pascal(name);
            if (rebuild != null && rebuild.getPost() != null) {
                paths.addPathItem(ProjectionRebuildController.REBUILD.replace("{name}", name),
                        new PathItem().post(copy(rebuild.getPost(), "rebuild" + pascal, name)));
            }
            if (status != null && status.getGet() != null) {
                paths.addPathItem(ProjectionRebuildController.STATUS.replace("{name}", name),
                        new PathItem().get(copy(status.getGet(), "get" + pascal + "Rebuild", name)));
            }
        }
    }

    private static Operation copy(Operation generic, String operationId, String name) {
        ApiResponses responses = new ApiResponses();
        if (generic.getResponses() != null) {
            generic.getResponses().forEach(responses::addApiResponse);
        }
        responses.remove("400"); // the name was the only input
        return new Operation().operationId(operationId).tags(generic.getTags())
                .summary(generic.getSummary() + " — " + name)
                .description(generic.getDescription()).responses(responses).security(generic.getSecurity())
                .extensions(generic.getExtensions());
    }

    private static String pascal(String name) {
        return Arrays.stream(name.split("-")).map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }
}
