package org.workbench.recipe;

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
        return org.workbench.stats.Quantiles.of(sorted, p);
    }

    /**
     * Middle value; the mean of the two middle values for an even count. Exactly
     * {@code quantile(sorted(values), 0.5)}, found by selection instead of a full sort (median
     * imputation runs on every numeric column of every fit).
     */
    public static double median(double[] values) {
        int n = values.length;
        if (n < 3) {
            return quantile(sorted(values), 0.5);
        }
        double[] a = values.clone();
        double position = 0.5 * (n - 1);
        int below = (int) Math.floor(position);
        select(a, below);
        // every value right of the selected one is at least as large: the next order statistic is their minimum
        double next = a[below + 1];
        for (int i = below + 2; i < n; i++) {
            if (Double.compare(a[i], next) < 0) {
                next = a[i];
            }
        }
        return a[below] + (position - below) * (next - a[below]);
    }

    /**
     * Reorders {@code a} so that {@code a[k]} holds the value a sort would put there, smaller values
     * (by {@link Double#compare}, as {@link Arrays#sort} orders) to its left and larger to its right.
     * Quickselect with a median-of-three pivot; a range that shrinks too slowly is sorted instead.
     */
    static void select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length));
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            double pivot = medianOfThree(a[lo], a[mid], a[hi]);
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int c = Double.compare(a[i], pivot);
                if (c < 0) {
                    swap(a, lt++, i++);
                } else if (c > 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double x, double y, double z) {
        if (Double.compare(x, y) > 0) {
            double t = x;
            x = y;
            y = t;
        }
        if (Double.compare(y, z) > 0) {
            y = z;
        }
        return Double.compare(x, y) > 0 ? x : y;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
