package org.workbench.stats;

/** Quantiles of sorted values: the one definition every stage uses (profile, codes, imputation, residuals). */
public final class Quantiles {
    private Quantiles() {
    }

    /** The p-quantile of sorted values, interpolating linearly at position p (n - 1) (numpy's default). */
    public static double of(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
