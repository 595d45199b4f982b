package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class OutlierHandlerTest {
    private static final double NA = Double.NaN;

    /** x: sorted 1 2 3 4 100, q1 = 2 (position 1), q3 = 4 (position 3), IQR 2, bounds [-1, 7]. */
    private static Table five() {
        return Table.create("t", DoubleColumn.create("x", 3, 1, 100, 2, 4), StringColumn.create("c", "a", "b", "c", "d", "e"));
    }

    private static Frame fiveWithTarget() {
        return new Frame(five(), Target.labels("y", new String[] {"p", "q", "p", "q", "p"}));
    }

    @Test
    void iqrBoundsAreTheQuartilesWidenedByFactorTimesIqr() {
        OutlierHandler.Fitted fitted = new OutlierHandler("iqr", 1.5, 3, "clip", List.of()).fit(five());
        assertEquals(List.of(new OutlierHandler.Fitted.Bounds("x", -1, 7, 1)), fitted.columns());
        OutlierHandler.Fitted wide = new OutlierHandler("iqr", 3, 3, "clip", List.of()).fit(five());
        assertEquals(new OutlierHandler.Fitted.Bounds("x", -4, 10, 1), wide.columns().get(0));
        assertEquals("iqr factor 1.5, clip: x [-1.0, 7.0] (1 training outliers)", fitted.summary());
    }

    @Test
    void clipMovesValuesToTheFittedBoundsOnEveryRow() {
        OutlierHandler.Fitted fitted = new OutlierHandler("iqr", 1.5, 3, "clip", List.of()).fit(five());
        assertArrayEquals(new double[] {3, 1, 7, 2, 4}, values(fitted.apply(five(), new ApplyLog()), "x"));
        ApplyLog log = new ApplyLog();
        Table test = Table.create("p", DoubleColumn.create("x", -50, 5, NA), StringColumn.create("c", "a", "b", "c"));
        assertArrayEquals(new double[] {-1, 5, NA}, values(fitted.apply(test, log), "x"));
        assertEquals(Map.of("outliers clipped in x", 1L), log.counts());
    }

    @Test
    void zscoreBoundsAreMeanPlusMinusThresholdStd() {
        // mean 22; squared deviations 361 + 441 + 6084 + 400 + 324 = 7610; population std sqrt(1522) = 39.0128
        OutlierHandler.Fitted fitted = new OutlierHandler("zscore", 1.5, 1.5, "flag", List.of()).fit(five());
        OutlierHandler.Fitted.Bounds b = fitted.columns().get(0);
        assertEquals(22 - 1.5 * Math.sqrt(1522), b.lower(), 1e-12);
        assertEquals(22 + 1.5 * Math.sqrt(1522), b.upper(), 1e-12);
        Table out = fitted.apply(five(), new ApplyLog());
        assertEquals(List.of("x", "c", "x_outlier"), out.columnNames());
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, values(out, "x_outlier"));
        assertArrayEquals(new double[] {3, 1, 100, 2, 4}, values(out, "x"));
    }

    @Test
    void dropRemovesTrainingRowsOnlyAndCountsOthers() {
        Step.Fit fit = new OutlierHandler("iqr", 1.5, 3, "drop", List.of()).fitTransform(fiveWithTarget());
        assertArrayEquals(new double[] {3, 1, 2, 4}, values(fit.train().features(), "x"));
        assertArrayEquals(new String[] {"p", "q", "q", "p"}, fit.train().target().labels());
        assertEquals(List.of("a", "b", "d", "e"), fit.train().features().stringColumn("c").asList());
        ApplyLog log = new ApplyLog();
        Table test = Table.create("p", DoubleColumn.create("x", 1000, 5), StringColumn.create("c", "a", "b"));
        Table out = fit.step().apply(test, log);
        assertEquals(2, out.rowCount());
        assertArrayEquals(new double[] {1000, 5}, values(out, "x"));
        assertEquals(Map.of("outliers kept in x (only training rows are dropped)", 1L), log.counts());
        assertEquals("iqr factor 1.5, drop (removed 1 of 5 training rows): x [-1.0, 7.0] (1 training outliers)",
                fit.step().summary());
    }

    @Test
    void anUnknownColumnIsAConfigError() {
        InputException e = assertThrows(InputException.class,
                () -> new OutlierHandler("iqr", 1.5, 3, "clip", List.of("xx")).fit(five()));
        assertEquals("preprocess.outliers.columns: no numeric column 'xx'; did you mean 'x'?", e.getMessage());
    }
}
