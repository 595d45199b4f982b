package org.workbench.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.workbench.data.Target;

/**
 * Univariate scores of one numeric feature against the target, and between two features. Categorical
 * targets are handled through the correlation ratio (eta) and one-way ANOVA, which for two classes
 * equal the absolute point-biserial correlation and the two-sample F.
 */
public final class FeatureScores {
    private FeatureScores() {
    }

    /** Pearson correlation; 0 when either side is constant. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Correlation ratio eta = sqrt(between-class sum of squares / total sum of squares); 0 for a constant x. */
    public static double eta(double[] x, String[] labels) {
        Map<String, double[]> groups = new LinkedHashMap<>();  // label -> {count, sum}
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] g = groups.computeIfAbsent(labels[i], k -> new double[2]);
            g[0]++;
            g[1] += x[i];
            total += x[i];
        }
        double mean = total / x.length;
        double ssTotal = 0;
        for (double v : x) {
            ssTotal += (v - mean) * (v - mean);
        }
        double ssBetween = 0;
        for (double[] g : groups.values()) {
            double gm = g[1] / g[0];
            ssBetween += g[0] * (gm - mean) * (gm - mean);
        }
        return ssTotal == 0 ? 0 : Math.sqrt(ssBetween / ssTotal);
    }

    /** |Pearson r| for a numeric target, eta for a categorical one: how strongly x goes with the target. */
    public static double association(double[] x, Target target) {
        return target.isCategorical() ? eta(x, target.labels()) : Math.abs(pearson(x, target.values()));
    }

    /**
     * F statistic: one-way ANOVA across the classes (scikit-learn's {@code f_classif}) or, for a numeric
     * target, r^2 / (1 - r^2) x (n - 2) ({@code f_regression}). 0 when undefined (constant feature).
     */
    public static double fStatistic(double[] x, Target target) {
        double f;
        if (target.isCategorical()) {
            Map<String, List<Double>> groups = new LinkedHashMap<>();
            for (int i = 0; i < x.length; i++) {
                groups.computeIfAbsent(target.labels()[i], k -> new ArrayList<>()).add(x[i]);
            }
            List<double[]> samples = groups.values().stream()
                    .map(g -> g.stream().mapToDouble(Double::doubleValue).toArray()).toList();
            if (samples.size() < 2 || samples.stream().anyMatch(s -> s.length < 2)) {
                return 0;
            }
            f = new OneWayAnova().anovaFValue(samples);
        } else {
            double r = pearson(x, target.values());
            f = r * r / (1 - r * r) * (x.length - 2);
        }
        return Double.isNaN(f) ? 0 : f;
    }

    /** Population variance. */
    public static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / x.length;
    }
}
