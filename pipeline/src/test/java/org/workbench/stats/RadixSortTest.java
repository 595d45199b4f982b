package org.workbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    /** Sorts the first {@code length} values both ways; everything after them must stay as it was. */
    private static void sortsLikeArraysSort(double[] values, int length) {
        double[] expected = values.clone();
        Arrays.sort(expected, 0, length);
        double[] actual = values.clone();
        RadixSort.sort(actual, length);
        assertArrayEquals(expected, actual);
    }

    @Test
    void bigArraysOfEveryKindSortAsArraysSortDoes() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 20_000;
        double[] gaussian = new double[n];
        double[] counts = new double[n];
        double[] oneValue = new double[n];
        double[] edges = new double[n];
        double[] specials = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, -1e300};
        for (int i = 0; i < n; i++) {
            gaussian[i] = random.nextGaussian() * 1e3;
            counts[i] = random.nextInt(50);
            oneValue[i] = 42.5;
            edges[i] = specials[random.nextInt(specials.length)] * (random.nextBoolean() ? 1 : random.nextInt(3));
        }
        for (double[] values : new double[][] {gaussian, counts, oneValue, edges}) {
            sortsLikeArraysSort(values, n);
            sortsLikeArraysSort(values, n - 1234);
        }
    }

    @Test
    void smallAndEmptyArraysSortToo() {
        sortsLikeArraysSort(new double[0], 0);
        sortsLikeArraysSort(new double[] {3, -0.0, 0.0, -1}, 4);
        sortsLikeArraysSort(new double[] {3, -0.0, 0.0, -1}, 2);
    }
}
