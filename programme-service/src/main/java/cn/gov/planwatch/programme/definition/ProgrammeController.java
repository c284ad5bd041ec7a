package cn.gov.planwatch.programme.definition;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The plan's programmes (专栏) as the catalogue defines them. One programme, with its progress, is served
 * by the progress feature.
 */
@RestController
@Tag(name = "Programmes", description = "The plan's programme boxes as the catalogue defines them / 规划专栏的定义")
public class ProgrammeController {

    private final PlanCatalogue catalogue;

    ProgrammeController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/programmes")
    @Operation(operationId = "listProgrammes", summary = "List the plan's programmes / 列出规划专栏",
            description = "Every programme of the catalogue with its agencies, measures and milestones, in catalogue"
                    + " order: a JSON array, not an envelope. One programme with its progress is getProgramme.")
    @ApiResponse(responseCode = "200", description = "The programmes / 专栏列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Programme.class))))
    List<Programme> programmes() {
        return catalogue.programmes();
    }
}
