package cn.gov.planwatch.catalogue.progress;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Statistics Canada's progress measure (as Open SDG's sdg-build {@code ProgressMeasure.py} implements
 * it) and a least-squares forecast of the target-year value. Plain arithmetic on the current value of
 * each reported period; the caller supplies the series.
 */
public final class ProgressMeasure {

    public static final String FORECAST_METHOD =
            "ordinary least squares, value linear in time, on the baseline and the annual values";

    private final ProgressThresholds thresholds;

    public ProgressMeasure(ProgressThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds);
    }

    /** One current value of one period. */
    public record Point(ReportingPeriod period, BigDecimal value) {
    }

    public Progress assess(Indicator indicator, List<Point> series) {
        List<Point> ordered = series.stream().sorted(Comparator.comparing(Point::period)).toList();
        int d = indicator.direction();
        double tT = indicator.target().year();
        double yT = indicator.target().value().doubleValue();

        BigDecimal baseValue;
        double t0;
        String baseSource;
        if (indicator.baseline() != null) {
            baseValue = indicator.baseline().value();
            t0 = indicator.baseline().year();
            baseSource = "BASELINE";
        } else if (!ordered.isEmpty()) {
            baseValue = ordered.get(0).value();
            t0 = ordered.get(0).period().endAsYear();
            baseSource = "EARLIEST_REPORT";
        } else {
            return new Progress(ProgressStatus.NOT_AVAILABLE, null, null, null, null, FORECAST_METHOD, null, null,
                    "NONE");
        }
        double y0 = baseValue.doubleValue();
        Double forecast = forecast(indicator, ordered, tT);

        if (ordered.isEmpty()) {
            return new Progress(ProgressStatus.NOT_AVAILABLE, null, null, null, forecast, FORECAST_METHOD, baseValue,
                    t0, baseSource);
        }
        Point latest = ordered.get(ordered.size() - 1);
        double yi = latest.value().doubleValue();
        double ti = latest.period().endAsYear();
        Double percentOfTarget = yT == y0 ? null : (yi - y0) / (yT - y0) * 100;
        Double expectedPercent = tT == t0 ? null : (ti - t0) / (tT - t0) * 100;

        ProgressStatus status;
        Double ratio = null;
        if (d * Double.compare(yi, yT) >= 0) {
            status = ProgressStatus.TARGET_ACHIEVED;
        } else if (ti <= t0) {
            status = ProgressStatus.NOT_AVAILABLE;
        } else {
            double targetGrowth = cagr(yT, y0, tT, t0);
            double actualGrowth = cagr(yi, y0, ti, t0);
            if (Double.isNaN(targetGrowth) || Double.isNaN(actualGrowth) || targetGrowth == 0) {
                status = ProgressStatus.NOT_AVAILABLE;
            } else {
                ratio = d * actualGrowth / Math.abs(targetGrowth);
                status = classify(ratio);
            }
        }
        return new Progress(status, ratio, percentOfTarget, expectedPercent, forecast, FORECAST_METHOD, baseValue, t0,
                baseSource);
    }

    private ProgressStatus classify(double ratio) {
        if (ratio >= thresholds.substantial()) {
            return ProgressStatus.SUBSTANTIAL_PROGRESS;
        }
        if (ratio >= thresholds.moderate()) {
            return ProgressStatus.MODERATE_PROGRESS;
        }
        if (ratio >= 0) {
            return ProgressStatus.LIMITED_PROGRESS;
        }
        return ProgressStatus.DETERIORATION;
    }

    /** Compound annual growth rate from b at tb to a at ta; NaN where the values do not allow one. */
    static double cagr(double a, double b, double ta, double tb) {
        if (a <= 0 || b <= 0 || ta == tb) {
            return Double.NaN;
        }
        return Math.pow(a / b, 1 / (ta - tb)) - 1;
    }

    /** Least squares on (year, value) over the baseline and the annual values; null below two years. */
    private static Double forecast(Indicator indicator, List<Point> ordered, double targetYear) {
        List<double[]> points = new ArrayList<>();
        if (indicator.baseline() != null) {
            points.add(new double[] {indicator.baseline().year(), indicator.baseline().value().doubleValue()});
        }
        for (Point point : ordered) {
            if (!point.period().isQuarter()) {
                points.add(new double[] {point.period().year(), point.value().doubleValue()});
            }
        }
        if (points.stream().mapToDouble(p -> p[0]).distinct().count() < 2) {
            return null;
        }
        double n = points.size();
        double meanX = points.stream().mapToDouble(p -> p[0]).sum() / n;
        double meanY = points.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        double slope = sxy / sxx;
        return meanY + slope * (targetYear - meanX);
    }
}
