package cn.gov.planwatch.reporting.dashboard;

import cn.gov.planwatch.reporting.nationalview.Figures;

import java.time.Instant;

/**
 * Links between dashboard pages that keep the page's instant and language: a figure's API provenance link becomes
 * the dashboard's provenance page.
 */
public record DashboardLinks(Instant asOf, String lang) {

    /** {@code apiHref}: a figure's {@code provenance} link from the national view. */
    public String provenance(String apiHref) {
        String page = apiHref.replace(Figures.PROVENANCE_PATH, "/dashboard/provenance/");
        return page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    public String overview() {
        return "/dashboard?lang=" + lang + (asOf == null ? "" : "&asOf=" + asOf);
    }

    /** The same page in the other language. */
    public String switchLanguage(String path, String to) {
        return path + "?lang=" + to + (asOf == null ? "" : "&asOf=" + asOf);
    }

    public boolean english() {
        return "en".equals(lang);
    }
}
