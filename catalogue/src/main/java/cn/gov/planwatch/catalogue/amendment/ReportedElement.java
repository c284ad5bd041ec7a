package cn.gov.planwatch.catalogue.amendment;

import java.util.Objects;

/**
 * A part of a plan that something has been reported against, so an amendment must keep it: an agency that
 * reported, an indicator with observations, a programme with progress, a measure or milestone named in it.
 * Measures and milestones are coded within their programme, so they carry its slug.
 *
 * @param programme the programme's slug for a measure or milestone; null otherwise
 */
public record ReportedElement(Kind kind, String programme, String code) {

    public enum Kind { AGENCY, INDICATOR, PROGRAMME, MEASURE, MILESTONE }

    public ReportedElement {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        if ((kind == Kind.MEASURE || kind == Kind.MILESTONE) != (programme != null)) {
            throw new IllegalArgumentException("a measure or milestone, and only they, name their programme");
        }
    }

    public static ReportedElement agency(String code) {
        return new ReportedElement(Kind.AGENCY, null, code);
    }

    public static ReportedElement indicator(String code) {
        return new ReportedElement(Kind.INDICATOR, null, code);
    }

    public static ReportedElement programme(String slug) {
        return new ReportedElement(Kind.PROGRAMME, null, slug);
    }

    public static ReportedElement measure(String programme, String code) {
        return new ReportedElement(Kind.MEASURE, programme, code);
    }

    public static ReportedElement milestone(String programme, String code) {
        return new ReportedElement(Kind.MILESTONE, programme, code);
    }

    /** E.g. {@code indicator 'IND-03'}, {@code milestone 'gi-demo-zones' of programme 'geographical-indications'}. */
    public String describe() {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + code + "'";
        return programme == null ? what : what + " of programme '" + programme + "'";
    }
}
