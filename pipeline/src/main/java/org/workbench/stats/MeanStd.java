package org.workbench.stats;

import java.util.List;

/** The one summary of repeated scores (CV folds, fairness gaps over folds): mean and sample standard deviation. */
public final class MeanStd {
    private MeanStd() {
    }

    /** {mean, sample standard deviation}; the deviation is NaN for a single value. */
    public static double[] of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / (n - 1))};
    }
}
