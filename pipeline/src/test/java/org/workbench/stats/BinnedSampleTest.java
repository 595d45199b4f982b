package org.workbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinnedSampleTest {
    /** Each value placed in its bin one by one: the bin is the number of edges below the value. */
    private static List<Long> placedOneByOne(double[] sorted, List<Double> edges) {
        long[] counts = new long[edges.size() + 1];
        for (double v : sorted) {
            int bin = 0;
            while (bin < edges.size() && edges.get(bin) < v) {
                bin++;
            }
            counts[bin]++;
        }
        List<Long> out = new ArrayList<>();
        Arrays.stream(counts).forEach(out::add);
        return out;
    }

    @Test
    void binCountsAreThoseOfPlacingEveryValue() {
        Random random = new Random(7);
        // ties on the edges, both zeros, and a column where most values are one value (edges collapse)
        double[][] columns = {
                random.doubles(1_000).map(v -> Math.floor(v * 20) - 10).toArray(),
                {-0.0, 0.0, -0.0, 0.0, 1, 1, 1, 2, -3, 0.0},
                random.doubles(2_000).map(v -> v < 0.9 ? 4 : v).toArray(),
                {5}
        };
        for (double[] values : columns) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            BinnedSample binned = BinnedSample.of(sorted, 3);
            assertEquals(placedOneByOne(sorted, binned.edges()), binned.binCounts(), Arrays.toString(values));
            assertEquals(sorted.length, binned.count());
            assertEquals(3, binned.missing());
            assertEquals(sorted.length, binned.binCounts().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void keepsEveryValueUpToTheSampleSizeAndQuantilesBeyond() {
        double[] few = {1, 2, 3};
        assertEquals(List.of(1.0, 2.0, 3.0), BinnedSample.of(few, 0).sample());
        double[] many = java.util.stream.IntStream.range(0, 1001).asDoubleStream().toArray();
        List<Double> sample = BinnedSample.of(many, 0).sample();
        assertEquals(BinnedSample.SAMPLE, sample.size());
        assertEquals(0.0, sample.get(0));
        assertEquals(1000.0, sample.get(sample.size() - 1));
        assertEquals(List.of(), BinnedSample.of(new double[0], 4).edges());
        assertEquals(List.of(), BinnedSample.of(new double[0], 4).binCounts());
    }
}
