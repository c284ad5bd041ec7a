package cn.gov.planwatch.platform.rebuild;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service describes its own read models' paths, so that the gateway merges the services' descriptions. */
class ProjectionRebuildPathsTest {

    @Test
    void theOneNamePathIsDescribedOncePerReadModelWithItsOwnOperations() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem(ProjectionRebuildController.REBUILD, new PathItem().post(operation("rebuildProjection")))
                .addPathItem(ProjectionRebuildController.STATUS, new PathItem().get(operation("getProjectionRebuild")))
                .addPathItem("/api/v1/ops/streams", new PathItem().get(new Operation().operationId("getStreams"))));

        new ProjectionRebuildPaths(List.of("observations", "quarter-locks")).customise(api);

        assertThat(api.getPaths()).containsOnlyKeys("/api/v1/ops/streams",
                "/api/v1/ops/projections/observations/rebuild", "/api/v1/ops/projections/observations",
                "/api/v1/ops/projections/quarter-locks/rebuild", "/api/v1/ops/projections/quarter-locks");
        Operation rebuild = api.getPaths().get("/api/v1/ops/projections/quarter-locks/rebuild").getPost();
        assertThat(rebuild.getOperationId()).isEqualTo("rebuildQuarterLocks");
        assertThat(rebuild.getParameters()).as("the name is in the path").isNull();
        assertThat(rebuild.getResponses()).containsKeys("202", "409").doesNotContainKey("400");
        assertThat(api.getPaths().get("/api/v1/ops/projections/observations").getGet().getOperationId())
                .isEqualTo("getObservationsRebuild");
    }

    private static Operation operation(String id) {
        return new Operation().operationId(id).summary("s").addParametersItem(new PathParameter().name("name"))
                .responses(new ApiResponses().addApiResponse("202", new ApiResponse().description("started"))
                        .addApiResponse("400", new ApiResponse().description("bad"))
                        .addApiResponse("409", new ApiResponse().description("running")));
    }
}
