package cn.gov.planwatch.programme.compliance;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.compliance.ComplianceAssessment;
import cn.gov.planwatch.planrules.compliance.QuarterlyObligations;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateLedger;
import cn.gov.planwatch.programme.quarterly.QuarterlyUpdateStep;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Who has reported what, and on time: one agency's quarters, or the whole agency × quarter matrix.
 * Role-level access (any role may GET under /quarterly-updates) is the shared policy's; which agency a
 * reporter may see is decided here.
 */
@RestController
class ComplianceController {

    private final ComplianceAssessment assessment;
    private final QuarterlyObligations obligations;
    private final QuarterlyUpdateLedger ledger;
    private final PlanCatalogue catalogue;
    private final PlanCalendar calendar;
    private final CallerResolver callers;

    ComplianceController(ComplianceAssessment assessment, QuarterlyObligations obligations,
            QuarterlyUpdateLedger ledger, PlanCatalogue catalogue, PlanCalendar calendar, CallerResolver callers) {
        this.assessment = assessment;
        this.obligations = obligations;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.callers = callers;
    }

    /**
     * @param programmes the programmes the agency owes updates on; {@code indicators}: owed with each Q4
     * @param history    the agency's lifecycle events, in log order
     */
    record AgencyQuarters(Instant asOf, String gracePeriod, List<String> programmes, List<String> indicators,
            @JsonUnwrapped ComplianceAssessment.AgencyCompliance compliance, List<QuarterlyUpdateStep> history) {
    }

    @GetMapping("/api/v1/quarterly-updates/{agency}")
    AgencyQuarters agency(@PathVariable String agency) {
        String code = catalogue.agency(agency).orElseThrow(() -> Problems.notFound("agency", agency)).code();
        Caller caller = callers.current();
        boolean overseer = caller.hasRole(Caller.LEAD) || caller.hasRole(Caller.OPERATOR);
        if (!overseer && !code.equals(caller.agency())) {
            throw Problems.forbidden("a reporter sees its own agency's quarterly updates only");
        }
        Instant now = calendar.now();
        return new AgencyQuarters(now, obligations.grace().toString(),
                catalogue.programmesInvolving(code).stream().map(Programme::slug).toList(),
                catalogue.indicatorsReportedBy(code).stream().map(Indicator::code).toList(),
                assessment.agency(code, ledger.ofAgency(code), now), ledger.steps(code));
    }

    @GetMapping("/api/v1/quarterly-updates")
    ComplianceAssessment.ComplianceMatrix matrix() {
        Caller caller = callers.current();
        if (!caller.hasRole(Caller.LEAD) && !caller.hasRole(Caller.OPERATOR)) {
            throw Problems.forbidden("the compliance matrix is for the lead agency and operators");
        }
        return assessment.matrix(ledger.all(), calendar.now());
    }
}
