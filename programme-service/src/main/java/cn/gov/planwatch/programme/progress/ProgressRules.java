package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.rollup.ProgrammeStatus;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.platform.input.PlausibleDecimals;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.platform.problem.TextRules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a progress report must satisfy before it may enter the event log. Every refusal of the report's content
 * names the field; nothing is recorded. (Whether the quarter is locked is checked under its lock, by
 * the recorder.)
 */
public class ProgressRules {

    private final PlanCatalogue catalogue;
    private final PlanCalendar calendar;

    public ProgressRules(PlanCatalogue catalogue, PlanCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    public Programme programme(String slug) {
        return catalogue.programme(slug).orElseThrow(() -> new NotInPlanException("programme", slug));
    }

    /** Checks a report against the catalogue and the clock; answers the parsed quarter. */
    public ReportingPeriod check(Caller caller, Programme programme, ProgressRequest request) {
        if (!caller.identified()) {
            throw Problems.noAgency();
        }
        if (!programme.involves(caller.agency())) {
            List<String> others = programme.participatingAgencies();
            throw Problems.notReporterOf(programme.slug(), BilingualText.of(
                    programme.leadAgency() + (others.isEmpty() ? "" : " and " + others),
                    programme.leadAgency() + (others.isEmpty() ? "" : " 及 " + String.join("、", others))),
                    caller.agency());
        }
        ReportingPeriod quarter = calendar.reportableQuarter("quarter", request.quarter());
        status("status", request.status());
        PlausibleDecimals.wholeNumber("percentComplete", request.percentComplete(), 0, 100);
        TextRules.requirePrintable("summary", request.summary());
        TextRules.requirePrintable("risks", request.risks());
        checkMeasures(programme, request.measures());
        checkMilestones(programme, request.milestones());
        return quarter;
    }

    private static void checkMeasures(Programme programme, List<ProgressRequest.MeasureEntry> measures) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            ProgressRequest.MeasureEntry measure = measures.get(i);
            String field = "measures[" + i + "]";
            if (programme.measure(measure.code()).isEmpty()) {
                throw InvalidInputException.implausible(field + ".code", BilingualText.of("'" + measure.code()
                        + "' is not a measure of " + programme.slug(),
                        "“" + measure.code() + "”不是 " + programme.slug() + " 的措施"));
            }
            if (!seen.add(measure.code())) {
                throw InvalidInputException.implausible(field + ".code", reportedTwice(measure.code()));
            }
            status(field + ".status", measure.status());
            TextRules.requirePrintable(field + ".note", measure.note());
        }
    }

    private static void checkMilestones(Programme programme, List<ProgressRequest.MilestoneEntry> milestones) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            ProgressRequest.MilestoneEntry milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (programme.milestone(milestone.code()).isEmpty()) {
                throw InvalidInputException.implausible(field + ".code", BilingualText.of("'" + milestone.code()
                        + "' is not a milestone of " + programme.slug(),
                        "“" + milestone.code() + "”不是 " + programme.slug() + " 的里程碑"));
            }
            if (!seen.add(milestone.code())) {
                throw InvalidInputException.implausible(field + ".code", reportedTwice(milestone.code()));
            }
            PlausibleDecimals.require(field + ".value", milestone.value());
            if (milestone.value().signum() < 0) {
                throw InvalidInputException.implausible(field + ".value", BilingualText.of(
                        "must be ≥ 0 (the value reached so far)", "须 ≥ 0（截至目前的完成值）"));
            }
        }
    }

    private static ProgrammeStatus status(String field, String text) {
        String statuses = "NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, COMPLETED";
        return ProgrammeStatus.parse(text).orElseThrow(() -> InvalidInputException.malformed(field,
                BilingualText.of("must be one of " + statuses, "须为以下之一：" + statuses)));
    }

    private static BilingualText reportedTwice(String code) {
        return BilingualText.of("'" + code + "' is reported twice", "“" + code + "”重复报送");
    }
}
