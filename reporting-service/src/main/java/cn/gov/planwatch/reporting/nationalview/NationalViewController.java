package cn.gov.planwatch.reporting.nationalview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "National view", description = "The consolidated status of the plan, live or as it stood at an instant,"
        + " and the events behind each figure / 规划实施的全国汇总情况（实时或任一时刻），以及每个数字背后的事件")
class NationalViewController {

    private final NationalViewReader reader;

    NationalViewController(NationalViewReader reader) {
        this.reader = reader;
    }

    @GetMapping({"/api/v1/national-view", "/api/v1/plans/{plan}/national-view"})
    @Operation(operationId = "getNationalView",
            summary = "The consolidated status of the plan / 规划实施全国汇总情况",
            description = "Indicators with their latest values, series and progress; programmes with their status,"
                    + " completion and milestones; each agency's quarterly updates and the reporting and on-time"
                    + " rates; how fresh the view is. Every figure carries the eventIds behind it and a provenance"
                    + " link. With asOf, the view as it stood at that instant, from the events recorded by then,"
                    + " measured against the version of the plan in force then.")
    @ApiResponse(responseCode = "200", description = "The national view / 全国汇总情况")
    @ApiResponse(responseCode = "404", description = "No such plan was in force at asOf / 该时刻无此规划")
    NationalView nationalView(@PathVariable(required = false) String plan, @Parameter(description = AsOf.PARAMETER,
            schema = @Schema(type = "string", format = "date-time", example = "2025-06-30T16:00:00Z"))
            @RequestParam(required = false) String asOf) {
        return reader.view(plan, AsOf.parse(asOf));
    }
}
