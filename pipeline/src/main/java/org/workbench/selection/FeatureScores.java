package org.workbench.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.workbench.data.Target;
import org.workbench.stats.Association;

/**
 * Univariate scores of one numeric feature against the target, and between two features. Categorical
 * targets are handled through the correlation ratio (eta) and one-way ANOVA, which for two classes
 * equal the absolute point-biserial correlation and the two-sample F.
 */
public final class FeatureScores {
    private FeatureScores() {
    }

    /** |Pearson r| for a numeric target, eta for a categorical one: how strongly x goes with the target. */
    public static double association(double[] x, Target target) {
        return target.isCategorical() ? Association.eta(x, target.labels()) : Math.abs(Association.pearson(x, target.values()));
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
            double r = Association.pearson(x, target.values());
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
