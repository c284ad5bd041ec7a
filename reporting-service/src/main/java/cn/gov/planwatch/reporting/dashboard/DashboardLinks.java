package cn.gov.planwatch.reporting.dashboard;

import java.time.Instant;

/**
 * Links between dashboard pages that keep the page's plan, instant and language: a figure's API provenance link
 * becomes the dashboard's provenance page. {@code scoped} is false on the unscoped pages ({@code /dashboard…}), which
 * mean the default plan and link to unscoped pages; true on {@code /dashboard/plans/{plan}…}.
 */
public record DashboardLinks(String plan, boolean scoped, Instant asOf, String lang) {

    private static final String PROVENANCE = "/provenance/";

    /** The pages of this plan start here. */
    public String base() {
        return scoped ? inPlan(plan) : "/dashboard";
    }

    /** {@code apiHref}: a figure's {@code provenance} link from the national view. */
    public String provenance(String apiHref) {
        String page = base() + apiHref.substring(apiHref.indexOf(PROVENANCE));
        return page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    public String overview() {
        return base() + query();
    }

    public String evaluationPath() {
        return base() + "/evaluation";
    }

    public String evaluation() {
        return evaluationPath() + query();
    }

    /** The evaluation as a file, {@code csv} or {@code xlsx}, as of the page's instant. */
    public String download(String format) {
        return inPlan(plan) + "/evaluation." + format + (asOf == null ? "" : "?asOf=" + asOf);
    }

    public String reviewPath() {
        return base() + "/review";
    }

    /** The lead agency's queue of updates awaiting review, in the page's language. */
    public String reviewQueue() {
        return reviewPath() + "?lang=" + lang;
    }

    public String reviewPath(String agency, String quarter) {
        return reviewPath() + "/" + agency + "/" + quarter;
    }

    /** The review page of one agency's update for one quarter, in the page's language. */
    public String review(String agency, String quarter) {
        return reviewPath(agency, quarter) + "?lang=" + lang;
    }

    /** The overview of another plan, or its evaluation when {@code evaluation}; in the page's language. */
    public String switchPlan(String to, boolean evaluation) {
        return inPlan(to) + (evaluation ? "/evaluation" : "") + "?lang=" + lang;
    }

    /** The same page in the other language. */
    public String switchLanguage(String path, String to) {
        return path + "?lang=" + to + (asOf == null ? "" : "&asOf=" + asOf);
    }

    public boolean english() {
        return "en".equals(lang);
    }

    private String query() {
        return "?lang=" + lang + (asOf == null ? "" : "&asOf=" + asOf);
    }

    private static String inPlan(String plan) {
        return "/dashboard/plans/" + plan;
    }
}
