package cn.gov.planwatch.catalogue.progress;

/**
 * Ratio thresholds of the progress measure: {@code ratio ≥ substantial} is substantial progress,
 * {@code moderate ≤ ratio < substantial} moderate, {@code 0 ≤ ratio < moderate} limited.
 */
public record ProgressThresholds(double substantial, double moderate) {

    public static final ProgressThresholds STATISTICS_CANADA = new ProgressThresholds(0.95, 0.60);

    public ProgressThresholds {
        if (!(0 <= moderate && moderate <= substantial)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 ≤ moderate ≤ substantial");
        }
    }
}
