package cn.gov.planwatch.reporting.nationalview;

import java.time.Instant;

/**
 * The stable ids of the national view's figures, and the link to the events behind each. Ids are
 * {@code kind:key}: {@code indicator:IND-01}, {@code indicator:IND-01/2023} (one period), {@code programme:slug},
 * {@code milestone:slug/code}, {@code compliance:AGENCY/YYYY-Qn} (one update), {@code compliance:AGENCY} (an
 * agency's rates), {@code compliance:YYYY-Qn} (a quarter's rates), {@code compliance:overall}.
 */
public final class Figures {

    public static final String PROVENANCE_PATH = "/api/v1/national-view/provenance/";

    public static String indicator(String code) {
        return "indicator:" + code;
    }

    public static String indicatorPeriod(String code, String period) {
        return "indicator:" + code + "/" + period;
    }

    public static String programme(String slug) {
        return "programme:" + slug;
    }

    public static String milestone(String slug, String code) {
        return "milestone:" + slug + "/" + code;
    }

    public static String update(String agency, String quarter) {
        return "compliance:" + agency + "/" + quarter;
    }

    public static String agencyRates(String agency) {
        return "compliance:" + agency;
    }

    public static String quarterRates(String quarter) {
        return "compliance:" + quarter;
    }

    public static final String OVERALL_RATES = "compliance:overall";

    /**
     * The API link to a figure's provenance; as of the same instant as the view it appears in. The default plan's
     * figures ({@code plan} null) link to the unscoped path, as they always have; another plan's to the path under
     * the plan.
     */
    public static String href(String plan, String figure, Instant asOf) {
        String path = plan == null ? PROVENANCE_PATH : "/api/v1/plans/" + plan + "/national-view/provenance/";
        return path + figure + (asOf == null ? "" : "?asOf=" + asOf);
    }

    private Figures() {
    }
}
