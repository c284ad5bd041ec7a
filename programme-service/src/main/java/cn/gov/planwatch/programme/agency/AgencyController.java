package cn.gov.planwatch.programme.agency;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.plan.PlanBook;
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
 * The agencies of every plan: who reports and who leads. Served here because agencies own quarterly updates.
 */
@RestController
@Tag(name = "Agencies", description = "The ministries and agencies that lead or share work under the plans"
        + " / 牵头或参与规划实施的部门")
public class AgencyController {

    private static final String WHICH_AGENCIES = " Agencies are government-wide: the list holds the agencies of"
            + " every plan (the version in force of each, closed plans too), each once. The shipped plan's agencies"
            + " come first in its catalogue order, then those that only later plans bring, in the order the plans"
            + " were published. An agency several plans name carries the names and note of the first plan in that"
            + " order; `plans` lists every plan naming it. Until the shipped plan's publication is recorded (on a"
            + " fresh start), its configured catalogue stands for it.";

    private final PlanCatalogue shipped;
    private final PlanBook plans;

    AgencyController(PlanCatalogue shipped, PlanBook plans) {
        this.shipped = shipped;
        this.plans = plans;
    }

    @GetMapping("/api/v1/agencies")
    @Operation(operationId = "listAgencies", summary = "List the agencies of every plan / 列出各规划的部门",
            description = "Every agency of every plan: a JSON array, not an envelope." + WHICH_AGENCIES)
    @ApiResponse(responseCode = "200", description = "The agencies / 部门列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ListedAgency.class))))
    List<ListedAgency> agencies() {
        return GovernmentAgencies.of(shipped, plans.all()).all();
    }

    @GetMapping("/api/v1/agencies/{code}")
    @Operation(operationId = "getAgency", summary = "Get one agency / 查询单个部门",
            description = "The agency with this code, in any plan." + WHICH_AGENCIES)
    @ApiResponse(responseCode = "200", description = "The agency / 部门",
            content = @Content(schema = @Schema(implementation = ListedAgency.class)))
    @ApiResponse(responseCode = "404", description = "No plan names an agency with this code / 没有规划包含该部门代码")
    ListedAgency agency(@Parameter(description = "The agency's code / 部门代码", example = "CNIPA")
            @PathVariable String code) {
        return GovernmentAgencies.of(shipped, plans.all()).find(code)
                .orElseThrow(() -> Problems.notFound("agency", code));
    }
}
