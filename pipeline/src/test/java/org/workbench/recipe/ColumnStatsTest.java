package org.workbench.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {

    /** Selection must give bit for bit what sorting gives, whatever the order and ties. */
    private static void assertSameAsSorting(double[] values) {
        double expected = ColumnStats.quantile(ColumnStats.sorted(values), 0.5);
        double[] copy = values.clone();
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(ColumnStats.median(values)),
                () -> "median of " + java.util.Arrays.toString(copy));
        assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(values), "input left unchanged");
    }

    @Test
    void medianOfSmallCases() {
        assertEquals(2.0, ColumnStats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ColumnStats.median(new double[] {4, 1, 3, 2}));
        assertEquals(5.0, ColumnStats.median(new double[] {5}));
        assertEquals(1.5, ColumnStats.median(new double[] {2, 1}));
    }

    @Test
    void medianEqualsTheSortedQuantileOnRandomData() {
        Random random = new Random(7);
        for (int n = 1; n <= 300; n++) {
            double[] continuous = new double[n];
            double[] ties = new double[n];
            for (int i = 0; i < n; i++) {
                continuous[i] = random.nextGaussian() * 100;
                ties[i] = random.nextInt(4) - 2; // many equal values, and both -0.0 and 0.0 below
            }
            assertSameAsSorting(continuous);
            assertSameAsSorting(ties);
        }
    }

    @Test
    void medianOnAdversarialOrders() {
        int n = 100_001;
        double[] ascending = new double[n];
        double[] descending = new double[n];
        double[] organPipe = new double[n];
        double[] equal = new double[n];
        double[] zeros = new double[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
            descending[i] = n - i;
            organPipe[i] = Math.min(i, n - i);
            equal[i] = 42;
            zeros[i] = i % 2 == 0 ? 0.0 : -0.0;
        }
        for (double[] values : new double[][] {ascending, descending, organPipe, equal, zeros}) {
            assertSameAsSorting(values);
            assertSameAsSorting(java.util.Arrays.copyOf(values, n - 1));
        }
    }
}
