package cn.gov.planwatch.programme.compliance;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.QuarterlyObligations;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateStep;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Who has reported what, and on time, in one plan: one agency's quarters, or the whole agency × quarter matrix, by
 * what the plan's version in force asks of each agency and on the plan's calendar. Role-level access (any role may GET under /quarterly-updates) is the shared policy's; which agency a
 * reporter may see is decided here.
 */
@RestController
@Tag(name = "Reporting compliance", description = "Who has reported what, and on time: the state of each agency's"
        + " quarterly updates and the reporting and on-time rates / 各部门季度更新的报送状态、报送率与及时率")
class ComplianceController {

    private final PlansInForce plans;
    private final QuarterlyUpdateLedger ledger;
    private final CallerResolver callers;
    private final Period grace;

    ComplianceController(PlansInForce plans, QuarterlyUpdateLedger ledger, CallerResolver callers,
            @Value("${planwatch.quarterly.grace:P15D}") Period grace) {
        this.plans = plans;
        this.ledger = ledger;
        this.callers = callers;
        this.grace = grace;
    }

    /**
     * @param programmes the programmes the agency owes updates on; {@code indicators}: owed with each Q4
     * @param history    the agency's lifecycle events, in log order
     */
    @Schema(name = "AgencyQuarterlyUpdates", description = "One agency's quarters: what it owes, the state and"
            + " timeliness of each quarter's update, its rates, and every step of its quarterly update cycle.")
    record AgencyQuarters(
            @Schema(description = "The instant the states and rates are computed for", requiredMode = REQUIRED,
                    example = "2025-10-20T02:00:00Z") Instant asOf,
            @Schema(description = "How long after a quarter's end its update is due (ISO-8601 duration)",
                    requiredMode = REQUIRED, example = "P15D") String gracePeriod,
            @ArraySchema(arraySchema = @Schema(description = "Slugs of the programmes the agency leads or takes part"
                    + " in, on which each quarterly update reports", requiredMode = REQUIRED),
                    schema = @Schema(example = "trade-secrets")) List<String> programmes,
            @ArraySchema(arraySchema = @Schema(description = "Codes of the indicators the agency reports, owed with"
                    + " each Q4 update", requiredMode = REQUIRED), schema = @Schema(example = "IND-03"))
            List<String> indicators,
            @JsonUnwrapped ComplianceAssessment.AgencyCompliance compliance,
            @ArraySchema(arraySchema = @Schema(description = "The agency's lifecycle steps (submissions, acceptances,"
                    + " returns), in log order", requiredMode = REQUIRED)) List<QuarterlyUpdateStep> history) {
    }

    @GetMapping({"/api/v1/quarterly-updates/{agency}", "/api/v1/plans/{plan}/quarterly-updates/{agency}"})
    @Operation(operationId = "getAgencyQuarterlyUpdates", summary = "Get one agency's quarterly updates"
            + " / 查询部门的季度更新", description = "Every quarter of the plan for this agency: its state (NOT_DUE, DUE,"
            + " OVERDUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, RETURNED, ACCEPTED), deadline, timeliness and latest"
            + " review, the agency's rates, and its lifecycle history. A reporter sees its own agency only.")
    @ApiResponse(responseCode = "200", description = "The agency's quarters / 部门各季度的更新状态",
            content = @Content(schema = @Schema(implementation = AgencyQuarters.class)))
    @ApiResponse(responseCode = "403", description = "A reporter asking for another agency's quarters / 报送部门只能查看本部门")
    @ApiResponse(responseCode = "404", description = "No agency of the plan has this code, or no plan is published under"
            + " this id / 规划中没有该部门代码，或没有该规划")
    AgencyQuarters agency(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan,
            @Parameter(description = "The agency's code in the catalogue / 部门代码", example = "SAMR")
            @PathVariable String agency) {
        PlanInForce inForce = plans.find(plan);
        PlanCatalogue catalogue = inForce.document();
        String code = catalogue.agency(agency).orElseThrow(() -> Problems.notFound("agency", agency)).code();
        Caller caller = callers.current();
        boolean overseer = caller.hasRole(Caller.LEAD) || caller.hasRole(Caller.OPERATOR);
        if (!overseer && !code.equals(caller.agency())) {
            throw Problems.forbidden(BilingualText.of("a reporter sees its own agency's quarterly updates only",
                    "报送人员只能查看本单位的季度更新"));
        }
        QuarterlyObligations obligations = obligations(inForce);
        Instant now = obligations.calendar().now();
        return new AgencyQuarters(now, grace.toString(),
                catalogue.programmesInvolving(code).stream().map(Programme::slug).toList(),
                catalogue.indicatorsReportedBy(code).stream().map(Indicator::code).toList(),
                new ComplianceAssessment(obligations).agency(code, ledger.ofAgency(inForce.id(), code), now),
                ledger.steps(inForce.id(), code));
    }

    @GetMapping({"/api/v1/quarterly-updates", "/api/v1/plans/{plan}/quarterly-updates"})
    @Operation(operationId = "listQuarterlyUpdates", summary = "Get the agency × quarter compliance matrix"
            + " / 查询部门×季度报送矩阵", description = "For the lead agency and operators: every agency that owes"
            + " updates × every quarter of the plan, with the counts of states per quarter and the reporting and"
            + " on-time rates per agency, per quarter and overall.")
    @ApiResponse(responseCode = "200", description = "The compliance matrix / 报送合规矩阵",
            content = @Content(schema = @Schema(implementation = ComplianceAssessment.ComplianceMatrix.class)))
    @ApiResponse(responseCode = "403", description = "Neither the lead agency nor an operator / 仅牵头部门与运维人员可查看")
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    ComplianceAssessment.ComplianceMatrix matrix(
            @Parameter(description = PlansInForce.PLAN_PARAMETER, example = "ip-2021-2025")
            @PathVariable(required = false) String plan) {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.LEAD) && !caller.hasRole(Caller.OPERATOR)) {
            throw Problems.forbidden("the compliance matrix is for the lead agency and operators");
        }
        PlanInForce inForce = plans.find(plan);
        QuarterlyObligations obligations = obligations(inForce);
        return new ComplianceAssessment(obligations).matrix(ledger.all(inForce.id()), obligations.calendar().now());
    }

    private QuarterlyObligations obligations(PlanInForce plan) {
        return new QuarterlyObligations(plan.document(), plans.calendar(plan), grace);
    }
}
