package cn.gov.planwatch.catalogue;

import java.util.List;

/** One measure of a programme; {@code leadAgency} and {@code agencies} are set only where the measure names its own. */
public record Measure(String code, String titleZh, String titleEn, String leadAgency, List<String> agencies) {

    public Measure {
        agencies = Lists.copy(agencies);
    }
}
