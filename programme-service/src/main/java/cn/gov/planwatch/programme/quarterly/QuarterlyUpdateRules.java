package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotReporterException;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.planrules.input.TextRules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may take a step of one plan's quarterly update cycle, and what a return must name, by the plan's version in
 * force. Nothing is recorded when one is refused. Which steps the update's current state allows is the update's own
 * rule.
 */
public class QuarterlyUpdateRules {

    private final PlanCatalogue catalogue;

    public QuarterlyUpdateRules(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Agency agency(String code) {
        return catalogue.agency(code).orElseThrow(() -> new NotInPlanException("agency", code));
    }

    /** The submitting agency is the caller's own, and must be one of the plan's. */
    public String submittingAgency(Caller caller) {
        if (!caller.identified() || catalogue.agency(caller.agency()).isEmpty()) {
            throw NotReporterException.noAgencyOfPlan();
        }
        return caller.agency();
    }

    /** Only the plan's lead agency (as the plan's version in force names it) reviews its quarterly updates. */
    public void requireLeadOfPlan(Caller caller) {
        String lead = catalogue.plan().leadAgency();
        if (!lead.equals(caller.agency())) {
            throw new NotLeadOfPlanException(catalogue.plan().id(), caller.agency(), lead);
        }
    }

    /** A review names its reviewer: the lead's token must carry its agency. */
    public static String reviewer(Caller caller) {
        if (!caller.identified()) {
            throw NotReporterException.noAgency();
        }
        return caller.agency();
    }

    /** A return names its reason and what to revise: indicator codes or programme slugs of the catalogue. */
    public List<String> checkReturn(String reason, List<String> items) {
        TextRules.requirePrintable("reason", reason);
        List<String> checked = items == null ? List.of() : items;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            String item = checked.get(i);
            String field = "items[" + i + "]";
            if (catalogue.indicator(item).isEmpty() && catalogue.programme(item).isEmpty()) {
                throw InvalidInputException.implausible(field, BilingualText.of("'" + item
                        + "' is neither an indicator code nor a programme slug of the plan",
                        "“" + item + "”既不是本规划的指标代码，也不是本规划的重大工程项目标识"));
            }
            if (!seen.add(item)) {
                throw InvalidInputException.implausible(field, BilingualText.of("'" + item + "' is named twice",
                        "“" + item + "”重复列出"));
            }
        }
        return List.copyOf(checked);
    }
}
