package cn.gov.planwatch.platform.apidescription;

import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDescriptionConventionsTest {

    private static Operation post(String operationId) {
        return new Operation().operationId(operationId)
                .addParametersItem(new Parameter().in("path").name("name"))
                .responses(new ApiResponses().addApiResponse("202", new ApiResponse().description("accepted")));
    }

    private static OpenAPI described(Operation write, Operation rebuild) {
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths()
                .addPathItem("/api/v1/indicators/{name}/observations", new PathItem().post(write))
                .addPathItem("/api/v1/ops/projections/{name}/rebuild", new PathItem().post(rebuild)));
        new ApiDescriptionConventions().customise(api);
        return api;
    }

    @Test
    void onlyAWriteThroughTheEventLogCanBeLeftUnconfirmedByIt() {
        Operation write = post("reportObservation")
                .addParametersItem(new Parameter().in("header").name(IdempotentWrites.HEADER));
        Operation rebuild = post("startProjectionRebuild");

        described(write, rebuild);

        assertThat(write.getResponses()).containsKey("504");
        assertThat(rebuild.getResponses()).doesNotContainKey("504").containsKeys("400", "406", "503");
    }
}
