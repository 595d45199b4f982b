package org.workbench.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BiasVarianceTest {
    @Test
    void biasSquaredPlusVarianceIsTheMeanSquaredError() {
        // truth {1, 3}; round 1 predicts {1, 2}, round 2 predicts {3, 4}
        // row 1: mean 2, bias^2 1, variance ((1-2)^2 + (3-2)^2) / 2 = 1; row 2: mean 3, bias^2 0, variance 1
        // averaged: bias^2 0.5, variance 1, error 1.5 = ((0 + 1) + (4 + 1)) / 4
        BiasVariance.Point p = BiasVariance.decompose(JsonNodeFactory.instance.numberNode(3),
                List.of(new double[] {1, 2}, new double[] {3, 4}), new double[] {1, 3});
        assertEquals(0.5, p.bias2(), 1e-12);
        assertEquals(1.0, p.variance(), 1e-12);
        assertEquals(1.5, p.error(), 1e-12);
    }

    @Test
    void bootstrapSamplesKeepRepeatedRowsAlignedWithTheirTarget() {
        Frame frame = new Frame(Table.create("t", DoubleColumn.create("x", new double[] {10, 20, 30}),
                StringColumn.create("s", new String[] {"a", "b", "c"})), Target.values("y", new double[] {1, 2, 3}));
        Frame sample = BiasVariance.withRepeats(frame, new int[] {0, 0, 2, 2, 2});
        assertEquals(5, sample.rows());
        assertArrayEquals(new double[] {10, 10, 30, 30, 30}, sample.features().doubleColumn("x").asDoubleArray());
        assertEquals(List.of("a", "a", "c", "c", "c"), sample.features().stringColumn("s").asList());
        assertArrayEquals(new double[] {1, 1, 3, 3, 3}, sample.target().values());
    }

    @Test
    void bootstrapDrawsWithReplacementFromTheSeed() {
        int[] rows = BiasVariance.bootstrap(5, 7);
        java.util.Random r = new java.util.Random(7);
        int[] expected = new int[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = r.nextInt(5);
        }
        java.util.Arrays.sort(expected);
        assertArrayEquals(expected, rows);
    }
}
