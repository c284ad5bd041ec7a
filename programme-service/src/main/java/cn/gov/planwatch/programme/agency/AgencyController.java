package cn.gov.planwatch.programme.agency;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.platform.problem.Problems;
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

/** The agencies of the plan: who reports and who leads. Served here because agencies own quarterly updates. */
@RestController
@Tag(name = "Agencies", description = "The ministries and agencies that lead or share work under the plan"
        + " / 牵头或参与规划实施的部门")
public class AgencyController {

    private final PlanCatalogue catalogue;

    AgencyController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/agencies")
    @Operation(operationId = "listAgencies", summary = "List the catalogue's agencies / 列出目录中的部门",
            description = "Every agency of the catalogue, in catalogue order: a JSON array, not an envelope.")
    @ApiResponse(responseCode = "200", description = "The agencies / 部门列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Agency.class))))
    List<Agency> agencies() {
        return catalogue.agencies();
    }

    @GetMapping("/api/v1/agencies/{code}")
    @Operation(operationId = "getAgency", summary = "Get one agency / 查询单个部门",
            description = "The agency with this catalogue code.")
    @ApiResponse(responseCode = "200", description = "The agency / 部门",
            content = @Content(schema = @Schema(implementation = Agency.class)))
    @ApiResponse(responseCode = "404", description = "No agency of the catalogue has this code / 目录中没有该部门代码")
    Agency agency(@Parameter(description = "The agency's code in the catalogue / 部门代码", example = "CNIPA")
            @PathVariable String code) {
        return catalogue.agency(code).orElseThrow(() -> Problems.notFound("agency", code));
    }
}
