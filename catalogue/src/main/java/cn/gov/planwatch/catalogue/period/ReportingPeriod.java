package cn.gov.planwatch.catalogue.period;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year ({@code 2023}) or a quarter ({@code 2023-Q3}) of a plan.
 *
 * @param quarter 1–4, or 0 for a whole year
 */
public record ReportingPeriod(int year, int quarter) implements Comparable<ReportingPeriod> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    public ReportingPeriod {
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1–4, or 0 for a year");
        }
    }

    /** Empty when the text is neither {@code YYYY} nor {@code YYYY-Qn}. */
    public static Optional<ReportingPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return Optional.of(new ReportingPeriod(year, m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    public static ReportingPeriod ofYear(int year) {
        return new ReportingPeriod(year, 0);
    }

    public boolean isQuarter() {
        return quarter != 0;
    }

    public LocalDate firstDay() {
        return isQuarter() ? LocalDate.of(year, 3 * quarter - 2, 1) : LocalDate.of(year, 1, 1);
    }

    public LocalDate lastDay() {
        return isQuarter() ? firstDay().plusMonths(3).minusDays(1) : LocalDate.of(year, 12, 31);
    }

    /**
     * Where the period ends on a scale of years in which {@code 2020} is the end of 2020 — the
     * scale of the plan's baselines and targets, which are year-end figures.
     */
    public double endAsYear() {
        return isQuarter() ? year - 1 + quarter / 4.0 : year;
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return Double.compare(endAsYear(), other.endAsYear()) != 0
                ? Double.compare(endAsYear(), other.endAsYear())
                : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return isQuarter() ? year + "-Q" + quarter : Integer.toString(year);
    }
}
