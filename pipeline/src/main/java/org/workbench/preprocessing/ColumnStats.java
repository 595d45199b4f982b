package org.workbench.preprocessing;

import java.util.Arrays;

/** Plain statistics over the present (non-NaN) values of a numeric column, shared by the fitted steps. */
public final class ColumnStats {
    private ColumnStats() {
    }

    /** The values that are not NaN, in their original order. */
    public static double[] present(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return n == values.length ? out : Arrays.copyOf(out, n);
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation (divide by n), as scikit-learn's scalers use. */
    public static double populationStd(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    public static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The p-quantile of sorted values, interpolating linearly between order statistics (numpy's
     * default): position p * (n - 1).
     */
    public static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Middle value; the mean of the two middle values for an even count (same as quantile 0.5). */
    public static double median(double[] values) {
        return quantile(sorted(values), 0.5);
    }
}
