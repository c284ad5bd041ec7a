package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;

import java.util.Set;

/**
 * One read model's view of what has been reported against a plan: progress, quarterly updates, indicator
 * observations. An amendment of the plan must keep everything any of them names.
 */
public interface ReportsOnPlans {

    /** The agencies, indicators, programmes, measures and milestones of {@code plan} named in a report. */
    Set<ReportedElement> reportedIn(String plan);
}
