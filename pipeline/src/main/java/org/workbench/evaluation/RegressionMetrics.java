package org.workbench.evaluation;

import java.util.Arrays;

/** Regression metrics computed directly from true and predicted values. */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    /**
     * Scores predicted values against the truth. MAPE follows scikit-learn's definition (a fraction,
     * not a percentage) but is left out when any true value is 0, where it would divide by zero.
     */
    public static RegressionReport compute(double[] truth, double[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true values but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        int n = truth.length;
        double[] residuals = new double[n];
        double squared = 0;
        double absolute = 0;
        double relative = 0;
        boolean zeroInTruth = false;
        double mean = 0;
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(truth[i])) {
                throw new IllegalArgumentException("row " + i + ": truth " + truth[i] + ", prediction " + predicted[i]);
            }
            if (!Double.isFinite(predicted[i])) {
                // the fit diverged (a target or feature far from unit scale): the user can fix it, so no internal error
                throw new org.workbench.core.InputException("the model predicted " + predicted[i] + " for a row whose target is "
                        + truth[i] + ": the fit diverged; scale the features (preprocess.scale: standard) or the target,"
                        + " or lower train.params.learning_rate");
            }
            residuals[i] = truth[i] - predicted[i];
            squared += residuals[i] * residuals[i];
            absolute += Math.abs(residuals[i]);
            if (truth[i] == 0) {
                zeroInTruth = true;
            } else {
                relative += Math.abs(residuals[i]) / Math.abs(truth[i]);
            }
            mean += truth[i];
            constant &= truth[i] == truth[0];
        }
        mean /= n;
        double total = 0;
        for (double t : truth) {
            total += (t - mean) * (t - mean);
        }
        double mse = squared / n;
        // tested on the values themselves: a rounded mean can leave a tiny non-zero SS_tot
        Double r2 = constant ? null : 1 - squared / total;
        Double mape = zeroInTruth ? null : relative / n;
        return new RegressionReport(n, mse, Math.sqrt(mse), absolute / n, r2, mape, summarise(residuals));
    }

    private static RegressionReport.Residuals summarise(double[] residuals) {
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        return new RegressionReport.Residuals(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    /** The q-quantile of sorted values, interpolating linearly at position q (n - 1) (numpy's default). */
    static double quantile(double[] sorted, double q) {
        return org.workbench.stats.Quantiles.of(sorted, q);
    }
}
