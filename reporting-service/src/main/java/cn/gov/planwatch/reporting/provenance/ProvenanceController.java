package cn.gov.planwatch.reporting.provenance;

import cn.gov.planwatch.reporting.nationalview.AsOf;
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
@Tag(name = "National view")
class ProvenanceController {

    private final FigureProvenance provenance;

    ProvenanceController(FigureProvenance provenance) {
        this.provenance = provenance;
    }

    /**
     * A figure id is {@code kind:key}, and some keys hold one slash ({@code compliance:SAMR/2025-Q3}); the slash is
     * sent as it is, since an encoded slash is refused, so those ids are a route of their own.
     */
    @GetMapping({"/api/v1/national-view/provenance/{figure}",
            "/api/v1/plans/{plan}/national-view/provenance/{figure}"})
    @Operation(operationId = "getProvenance",
            summary = "The events behind one figure of the national view / 某一数字所依据的事件",
            description = "Resolves a figure of the national view, as of the same instant, to the events it was"
                    + " computed from. Figures whose id holds no slash: indicator:<code>, programme:<slug>,"
                    + " compliance:<agency> (an agency's rates), compliance:<YYYY-Qn> (a quarter's rates),"
                    + " compliance:overall. Each figure of the national view links to its provenance.")
    @ApiResponse(responseCode = "200", description = "The events behind the figure / 数字所依据的事件")
    @ApiResponse(responseCode = "404", description = "No such plan, or the view has no such figure"
            + " / 无此规划，或汇总视图中无此数字")
    Provenance figure(@PathVariable(required = false) String plan, @Parameter(description = "The figure's id, kind:key / 数字标识",
            schema = @Schema(type = "string", example = "indicator:IND-01")) @PathVariable String figure,
            @Parameter(description = AsOf.PARAMETER, schema = @Schema(type = "string", format = "date-time",
                    example = "2025-07-20T00:00:00Z")) @RequestParam(required = false) String asOf) {
        return provenance.of(plan, figure, AsOf.parse(asOf));
    }

    @GetMapping({"/api/v1/national-view/provenance/{figure}/{part}",
            "/api/v1/plans/{plan}/national-view/provenance/{figure}/{part}"})
    @Operation(operationId = "getPartProvenance",
            summary = "The events behind one part of a figure: an indicator's period, a milestone, an agency's"
                    + " update / 某一期、某一里程碑或某单位某季度报送所依据的事件",
            description = "The figures whose id holds a slash, sent as it is: indicator:<code>/<period> (every"
                    + " revision of the period known then, the current one marked), milestone:<slug>/<code>,"
                    + " compliance:<agency>/<YYYY-Qn> (the steps of one quarterly update). Resolved as of the same"
                    + " instant as the view that links here.")
    @ApiResponse(responseCode = "200", description = "The events behind the figure / 数字所依据的事件")
    @ApiResponse(responseCode = "404", description = "No such plan, or the view has no such figure"
            + " / 无此规划，或汇总视图中无此数字")
    Provenance part(@PathVariable(required = false) String plan, @Parameter(description = "The id before its slash / 标识中斜杠前的部分",
            schema = @Schema(type = "string", example = "compliance:SAMR")) @PathVariable String figure,
            @Parameter(description = "The id after its slash / 标识中斜杠后的部分",
                    schema = @Schema(type = "string", example = "2025-Q2")) @PathVariable String part,
            @Parameter(description = AsOf.PARAMETER, schema = @Schema(type = "string", format = "date-time",
                    example = "2025-07-20T00:00:00Z")) @RequestParam(required = false) String asOf) {
        return provenance.of(plan, figure + "/" + part, AsOf.parse(asOf));
    }
}
