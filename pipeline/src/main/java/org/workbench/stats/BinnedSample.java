package org.workbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A column's numbers as a drift profile keeps them, taken from its sorted values: {@code count} values
 * and {@code missing} cells; {@code edges}, the distinct inner quantile edges of {@code bins} bins
 * ({@link Quantiles}), so bin i holds values up to {@code edges[i]} and the last bin those above the
 * last edge; {@code binCounts}, the values per bin; {@code sample}, every value, or {@code sampleSize}
 * evenly spaced quantiles standing in for them when there are more.
 */
public record BinnedSample(long count, long missing, List<Double> edges, List<Long> binCounts, List<Double> sample) {
    /** A drift profile's bins: deciles, the usual choice for the population stability index. */
    public static final int BINS = 10;
    /** A drift profile's sample: up to this many values are kept, with more this many quantiles. */
    public static final int SAMPLE = 500;

    public BinnedSample {
        edges = List.copyOf(edges);
        binCounts = List.copyOf(binCounts);
        sample = List.copyOf(sample);
    }

    /** A drift profile's summary ({@link #BINS} bins, a sample of {@link #SAMPLE}) of sorted values. */
    public static BinnedSample of(double[] sorted, long missing) {
        return of(sorted, missing, BINS, SAMPLE);
    }

    /** {@code sorted}: the present values in {@code Arrays.sort} order (no NaN); {@code missing}: the cells left out. */
    public static BinnedSample of(double[] sorted, long missing, int bins, int sampleSize) {
        List<Double> edges = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Double> sample = new ArrayList<>();
        if (sorted.length > 0) {
            for (int k = 1; k < bins; k++) {
                double edge = Quantiles.of(sorted, k / (double) bins);
                if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                    edges.add(edge);
                }
            }
            // a value falls in the bin of the edges below it: the values up to each edge are counted by
            // a binary search instead of placing every value (the same counts)
            int below = 0;
            for (double edge : edges) {
                int upTo = valuesUpTo(sorted, edge);
                counts.add((long) (upTo - below));
                below = upTo;
            }
            counts.add((long) (sorted.length - below));
            if (sorted.length <= sampleSize) {
                for (double v : sorted) {
                    sample.add(v);
                }
            } else {
                for (int i = 0; i < sampleSize; i++) {
                    sample.add(Quantiles.of(sorted, i / (double) (sampleSize - 1)));
                }
            }
        }
        return new BinnedSample(sorted.length, missing, edges, counts, sample);
    }

    /** How many sorted values are {@code <= edge} (as the primitive comparison has it: -0.0 equals 0.0). */
    private static int valuesUpTo(double[] sorted, double edge) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= edge) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
