package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.progress.ProgressContent;
import cn.gov.planwatch.planrules.progress.ProgressRule;
import cn.gov.planwatch.platform.caller.Caller;

/**
 * What a progress report must satisfy before it may enter the event log, judged by one plan's document and calendar
 * ({@link ProgressRule}). Every refusal of the report's content names the field; nothing is recorded. (Whether the
 * quarter is locked is checked under its lock, by the recorder.)
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
    public ReportingPeriod check(Caller caller, Programme programme, ProgressContent report) {
        return ProgressRule.check(caller.agency(), programme, calendar, report);
    }
}
