package org.workbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Nadeau and Bengio's corrected resampled t-test (as in Weka's Experimenter) for comparing two
 * models scored on the same cross-validation folds. Fold scores are not independent (their training
 * sets overlap), so the plain paired t-test is too eager; the correction inflates the variance by
 * {@code n_test / n_train}.
 */
public final class CorrectedTTest {
    private CorrectedTTest() {
    }

    /** t statistic, degrees of freedom, two-sided p-value, and the mean difference a - b. */
    public record Result(double meanDifference, double t, int degreesOfFreedom, double pValue) {
        public boolean significantAt(double alpha) {
            return pValue < alpha;
        }
    }

    /**
     * @param a          scores of model A, one per fold (repeated folds simply continue the array)
     * @param b          scores of model B on the same folds, same order
     * @param testRows   rows in each validation fold (n_test)
     * @param trainRows  rows in each training fold (n_train)
     */
    public static Result test(double[] a, double[] b, double testRows, double trainRows) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need two equally long score lists with at least 2 folds, got "
                    + a.length + " and " + b.length);
        }
        int k = a.length;
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += a[i] - b[i];
        }
        mean /= k;
        double var = 0;
        for (int i = 0; i < k; i++) {
            double d = a[i] - b[i] - mean;
            var += d * d;
        }
        var /= k - 1;
        int df = k - 1;
        if (var == 0) {
            // identical differences on every fold: no evidence either way when the mean is 0, else certain
            return new Result(mean, mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean), df, mean == 0 ? 1 : 0);
        }
        double t = mean / Math.sqrt((1.0 / k + testRows / trainRows) * var);
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Result(mean, t, df, p);
    }
}
