package cn.gov.planwatch.programme.definition;

import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.programme.plan.PlansInForce;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A plan's programmes (专栏) as its version in force defines them. One programme, with its progress, is served
 * by the progress feature.
 */
@RestController
@Tag(name = "Programmes", description = "The plan's programme boxes as the catalogue defines them / 规划专栏的定义")
public class ProgrammeController {

    private final PlansInForce plans;

    ProgrammeController(PlansInForce plans) {
        this.plans = plans;
    }

    @GetMapping({"/api/v1/programmes", "/api/v1/plans/{plan}/programmes"})
    @Operation(operationId = "listProgrammes", summary = "List the plan's programmes / 列出规划专栏",
            description = "Every programme of the catalogue with its agencies, measures and milestones, in catalogue"
                    + " order: a JSON array, not an envelope. One programme with its progress is getProgramme.")
    @ApiResponse(responseCode = "200", description = "The programmes / 专栏列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Programme.class))))
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    List<Programme> programmes(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan) {
        return plans.find(plan).document().programmes();
    }
}
