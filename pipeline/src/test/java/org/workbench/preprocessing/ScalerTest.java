package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.workbench.recipe.TableAssert.assertNoSharedColumns;
import static org.workbench.recipe.TableAssert.assertSameTable;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ScalerTest {
    private static final double NA = Double.NaN;

    private static Table table() {
        return Table.create("t",
                DoubleColumn.create("x", 1, 2, 3, 4),
                StringColumn.create("c", "a", "b", "", "a"),
                DoubleColumn.create("flat", 5, 5, 5, 5));
    }

    @Test
    void standardUsesMeanAndPopulationStd() {
        Scaler.Fitted fitted = new Scaler("standard").fit(table());
        // mean 2.5; population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
        assertEquals(new Scaler.Fitted.ColumnScale("x", "standard", 2.5, Math.sqrt(1.25)), fitted.columns().get(0));
        Table out = fitted.apply(table(), new ApplyLog());
        double z = 1.5 / Math.sqrt(1.25);  // 1.3416407864998738
        assertArrayEquals(new double[] {-z, -z / 3, z / 3, z}, values(out, "x"), 1e-12);
        assertEquals(1.3416407864998738, values(out, "x")[3], 1e-15);
    }

    @Test
    void aConstantColumnIsShiftedNotDividedByZero() {
        Table out = new Scaler("standard").fit(table()).apply(table(), new ApplyLog());
        assertArrayEquals(new double[] {0, 0, 0, 0}, values(out, "flat"));
        Table minmax = new Scaler("minmax").fit(table()).apply(table(), new ApplyLog());
        assertArrayEquals(new double[] {0, 0, 0, 0}, values(minmax, "flat"));
    }

    @Test
    void minmaxMapsTheTrainingRangeOntoZeroToOne() {
        Table train = Table.create("t", DoubleColumn.create("x", 2, 4, NA, 10, 6));
        Scaler.Fitted fitted = new Scaler("minmax").fit(train);
        assertEquals(List.of(new Scaler.Fitted.ColumnScale("x", "minmax", 2, 8)), fitted.columns());
        Table out = fitted.apply(train, new ApplyLog());
        assertArrayEquals(new double[] {0, 0.25, NA, 1, 0.5}, values(out, "x"));
        assertEquals("minmax: x min 2.0 range 8.0", fitted.summary());
    }

    @Test
    void categoricalColumnsAndMissingValuesAreLeftAlone() {
        Table train = Table.create("t", DoubleColumn.create("x", 1, NA, 3), StringColumn.create("c", "a", "", "b"));
        Scaler.Fitted fitted = new Scaler("standard").fit(train);
        assertEquals(List.of(new Scaler.Fitted.ColumnScale("x", "standard", 2, 1)), fitted.columns());
        Table out = fitted.apply(train, new ApplyLog());
        assertArrayEquals(new double[] {-1, NA, 1}, values(out, "x"));
        assertEquals(List.of("a", "", "b"), out.stringColumn("c").asList());
        assertEquals(List.of("x", "c"), out.columnNames());
    }

    @Test
    void summaryNamesEachColumnWithItsStatistics() {
        assertEquals("standard (population std): x mean 2.5 std 1.118; flat mean 5.0 std 0.0",
                new Scaler("standard").fit(table()).summary());
    }

    @Test
    void fittedValuesComeFromTrainingRowsOnlyAndInputsStayUnchanged() {
        Table train = table();
        Scaler.Fitted fitted = new Scaler("standard").fit(train);
        Table test = Table.create("t", DoubleColumn.create("x", 1e9), StringColumn.create("c", "z"),
                DoubleColumn.create("flat", -1e9));
        Table testBefore = test.copy();
        Table out = fitted.apply(test, new ApplyLog());
        assertEquals(new Scaler("standard").fit(table()), fitted);
        assertEquals((1e9 - 2.5) / Math.sqrt(1.25), values(out, "x")[0], 1e-3);
        assertSameTable(testBefore, test);
        assertSameTable(table(), train);
        assertNoSharedColumns(test, out);
    }

    @Test
    void robustScalingUsesMedianAndIqr() {
        Table t = Table.create("t", DoubleColumn.create("x", 3, 1, 100, 2, 4));
        Scaler.Fitted fitted = new Scaler("robust").fit(t);
        assertEquals(new Scaler.Fitted.ColumnScale("x", "robust", 3, 2), fitted.columns().get(0));
        assertArrayEquals(new double[] {0, -1, 48.5, -0.5, 0.5}, values(fitted.apply(t, new ApplyLog()), "x"));
        assertEquals("robust: x median 3.0 IQR 2.0", fitted.summary());
    }

    @Test
    void maxabsAndPerColumnOverrides() {
        Table t = Table.create("t", DoubleColumn.create("a", -4, 2, 1), DoubleColumn.create("b", 1, 2, 3),
                DoubleColumn.create("c", 5, 6, 7));
        Scaler.Fitted fitted = new Scaler("maxabs", Map.of("b", "minmax", "c", "none")).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertArrayEquals(new double[] {-1, 0.5, 0.25}, values(out, "a"));
        assertArrayEquals(new double[] {0, 0.5, 1}, values(out, "b"));
        assertArrayEquals(new double[] {5, 6, 7}, values(out, "c"));
        assertEquals("maxabs: a center 0.0 max|x| 4.0; b (minmax) min 1.0 range 2.0", fitted.summary());
    }
}
