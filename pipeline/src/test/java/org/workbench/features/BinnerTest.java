package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Quantile and equal-width bin edges, checked by hand. */
class BinnerTest {
    private static final double NA = Double.NaN;

    @Test
    void quantileAndEqualWidthBins() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4, 5, 6, 7, 8));
        // quantiles at positions 1.75, 3.5, 5.25 of 1..8: 2.75, 4.5, 6.25
        Binner.Fitted quantile = new Binner(Map.of("x", 4), "quantile").fit(t);
        assertEquals(List.of(2.75, 4.5, 6.25), quantile.columns().get(0).edges());
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, values(quantile.apply(t, new ApplyLog()), "x"));
        // equal width over [1, 8]: 1 + 7/4 = 2.75, 4.5, 6.25 as well; try [0, 10] instead
        Table wide = Table.create("t", DoubleColumn.create("x", 0, 10, 5, NA));
        Binner.Fitted equal = new Binner(Map.of("x", 4), "equal_width").fit(wide);
        assertEquals(List.of(2.5, 5.0, 7.5), equal.columns().get(0).edges());
        Table probe = Table.create("p", DoubleColumn.create("x", -3, 2.5, 5, 7.4, 99, NA));
        assertArrayEquals(new double[] {0, 1, 2, 2, 3, NA}, values(equal.apply(probe, new ApplyLog()), "x"));
        assertEquals("x: 4 equal_width bins, edges 2.5, 5.0, 7.5", equal.summary());
    }
}
