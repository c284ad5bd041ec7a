package cn.gov.planwatch.reporting.desk;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/**
 * The desk's own addresses, keeping its plan (scoped, or the unscoped form that means the default plan), the quarter
 * worked on and the language.
 */
public record DeskLinks(String base, String lang, String quarter) {

    static DeskLinks of(String plan, String lang, String quarter) {
        return new DeskLinks(plan == null ? "/dashboard/desk" : "/dashboard/plans/" + plan + "/desk", lang, quarter);
    }

    public String page() {
        return quarter(quarter);
    }

    /** The desk working on another quarter. */
    public String quarter(String other) {
        return UriComponentsBuilder.fromPath(base).queryParam("lang", lang)
                .queryParamIfPresent("quarter", Optional.ofNullable(other)).build().encode().toUriString();
    }

    /** Where a form posts: {@code path} under the desk, in the page's language. */
    public String action(String path) {
        return base + path + "?lang=" + lang;
    }

    /** After a change: the desk again, saying what was saved, at the item changed. */
    String saved(String what, String item, String anchor) {
        return UriComponentsBuilder.fromPath(base).queryParam("lang", lang)
                .queryParamIfPresent("quarter", Optional.ofNullable(quarter)).queryParam("saved", what)
                .queryParamIfPresent("item", Optional.ofNullable(item)).build().encode().toUriString()
                + (anchor == null ? "" : "#" + anchor);
    }

    public String switchLanguage() {
        return UriComponentsBuilder.fromPath(base).queryParam("lang", "en".equals(lang) ? "zh" : "en")
                .queryParamIfPresent("quarter", Optional.ofNullable(quarter)).build().encode().toUriString();
    }

    public boolean english() {
        return "en".equals(lang);
    }
}
