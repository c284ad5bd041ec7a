package cn.gov.planwatch.planrules.progress;

import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.NotReporterException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.input.PlausibleDecimals;
import cn.gov.planwatch.planrules.input.RefusedInputException;
import cn.gov.planwatch.planrules.input.TextRules;
import cn.gov.planwatch.planrules.rollup.ProgrammeStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a progress report must satisfy before it may enter the event log: the programme involves the agency, the
 * quarter is within the plan and has begun, the statuses are statuses, the measures and milestones are the
 * programme's, each at most once. Every refusal names the field; whether the quarter is locked is for the caller to
 * check, under its lock.
 */
public final class ProgressRule {

    /**
     * Checks a report of {@code agency} (null when the caller names none); answers the parsed quarter.
     *
     * @throws NotReporterException  when the programme does not involve the agency
     * @throws cn.gov.planwatch.planrules.PlanRuleException naming the field, for any other refusal
     */
    public static ReportingPeriod check(String agency, Programme programme, PlanCalendar calendar,
            ProgressContent report) {
        if (agency == null) {
            throw NotReporterException.noAgency();
        }
        if (!programme.involves(agency)) {
            List<String> others = programme.participatingAgencies();
            throw NotReporterException.of(programme.slug(), BilingualText.of(
                    programme.leadAgency() + (others.isEmpty() ? "" : " and " + others),
                    programme.leadAgency() + (others.isEmpty() ? "" : " 及 " + String.join("、", others))), agency);
        }
        ReportingPeriod quarter = calendar.reportableQuarter("quarter", report.quarter());
        status("status", report.status());
        PlausibleDecimals.wholeNumber("percentComplete", report.percentComplete(), 0, 100);
        TextRules.requirePrintable("summary", report.summary());
        TextRules.requirePrintable("risks", report.risks());
        checkMeasures(programme, report.measures());
        checkMilestones(programme, report.milestones());
        return quarter;
    }

    private static void checkMeasures(Programme programme, List<? extends ProgressContent.Measure> measures) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            ProgressContent.Measure measure = measures.get(i);
            String field = "measures[" + i + "]";
            if (programme.measure(measure.code()).isEmpty()) {
                throw RefusedInputException.implausible(field + ".code", BilingualText.of("'" + measure.code()
                        + "' is not a measure of " + programme.slug(),
                        "“" + measure.code() + "”不是 " + programme.slug() + " 的措施"));
            }
            if (!seen.add(measure.code())) {
                throw RefusedInputException.implausible(field + ".code", reportedTwice(measure.code()));
            }
            status(field + ".status", measure.status());
            TextRules.requirePrintable(field + ".note", measure.note());
        }
    }

    private static void checkMilestones(Programme programme, List<? extends ProgressContent.Milestone> milestones) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            ProgressContent.Milestone milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (programme.milestone(milestone.code()).isEmpty()) {
                throw RefusedInputException.implausible(field + ".code", BilingualText.of("'" + milestone.code()
                        + "' is not a milestone of " + programme.slug(),
                        "“" + milestone.code() + "”不是 " + programme.slug() + " 的里程碑"));
            }
            if (!seen.add(milestone.code())) {
                throw RefusedInputException.implausible(field + ".code", reportedTwice(milestone.code()));
            }
            PlausibleDecimals.require(field + ".value", milestone.value());
            if (milestone.value().signum() < 0) {
                throw RefusedInputException.implausible(field + ".value", BilingualText.of(
                        "must be ≥ 0 (the value reached so far)", "须 ≥ 0（截至目前的完成值）"));
            }
        }
    }

    private static ProgrammeStatus status(String field, String text) {
        String statuses = "NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, COMPLETED";
        return ProgrammeStatus.parse(text).orElseThrow(() -> RefusedInputException.malformed(field,
                BilingualText.of("must be one of " + statuses, "须为以下之一：" + statuses)));
    }

    private static BilingualText reportedTwice(String code) {
        return BilingualText.of("'" + code + "' is reported twice", "“" + code + "”重复报送");
    }

    private ProgressRule() {
    }
}
