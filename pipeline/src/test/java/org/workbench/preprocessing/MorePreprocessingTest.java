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

/** Imputation options, robust and maxabs scaling, constant columns and duplicate rows, by hand. */
class MorePreprocessingTest {
    private static final double NA = Double.NaN;

    private static Table fiveRows() {
        return Table.create("t",
                DoubleColumn.create("Age", 3, NA, 1, 10, 4),
                DoubleColumn.create("Fare", 7, 71, 8, NA, 8),
                StringColumn.create("Port", "S", "C", "", "S", "Q"));
    }

    private static Frame withTarget(Table t) {
        String[] labels = new String[t.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0 ? "yes" : "no";
        }
        return new Frame(t, Target.labels("y", labels));
    }

    @Test
    void medianImputationOnFiveRows() {
        // Age present: 1 3 4 10 -> median (3 + 4) / 2 = 3.5; Fare present: 7 8 8 71 -> median 8
        FittedImputer fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRows());
        Table out = fitted.apply(fiveRows(), new ApplyLog());
        assertArrayEquals(new double[] {3, 3.5, 1, 10, 4}, values(out, "Age"));
        assertArrayEquals(new double[] {7, 71, 8, 8, 8}, values(out, "Fare"));
    }

    @Test
    void perColumnOverridesBeatThePerTypeDefault() {
        Imputer imputer = new Imputer("median", "most_frequent", -1, "none", Map.of("Fare", "mean", "Port", "constant"), false);
        Table out = imputer.fit(fiveRows()).apply(fiveRows(), new ApplyLog());
        assertArrayEquals(new double[] {3, 3.5, 1, 10, 4}, values(out, "Age"));
        assertArrayEquals(new double[] {7, 71, 8, 23.5, 8}, values(out, "Fare"));  // (7 + 71 + 8 + 8) / 4
        assertEquals(List.of("S", "C", "none", "S", "Q"), out.stringColumn("Port").asList());
    }

    @Test
    void anOverrideMustNameAColumnAndSuitItsType() {
        InputException absent = assertThrows(InputException.class, () -> new Imputer("median", "most_frequent", 0, "m",
                Map.of("Fair", "mean"), false).fit(fiveRows()));
        assertEquals("preprocess.impute.columns.Fair: no column 'Fair'; did you mean 'Fare'?", absent.getMessage());
        InputException type = assertThrows(InputException.class, () -> new Imputer("median", "most_frequent", 0, "m",
                Map.of("Port", "mean"), false).fit(fiveRows()));
        assertEquals("preprocess.impute.columns.Port: 'mean' is not a strategy for a categorical column;"
                + " use one of [most_frequent, constant, drop_rows, none]", type.getMessage());
    }

    @Test
    void indicatorsMarkTheGapsBeforeFilling() {
        Imputer imputer = new Imputer("median", "most_frequent", 0, "missing", Map.of(), true);
        FittedImputer fitted = imputer.fit(fiveRows());
        assertEquals(List.of("Age", "Fare", "Port"), fitted.indicators());
        Table test = Table.create("p", DoubleColumn.create("Age", NA, 2), DoubleColumn.create("Fare", 1, 2),
                StringColumn.create("Port", "C", ""));
        Table out = fitted.apply(test, new ApplyLog());
        assertEquals(List.of("Age", "Fare", "Port", "Age_missing", "Fare_missing", "Port_missing"), out.columnNames());
        assertArrayEquals(new double[] {1, 0}, values(out, "Age_missing"));
        assertArrayEquals(new double[] {0, 0}, values(out, "Fare_missing"));
        assertArrayEquals(new double[] {0, 1}, values(out, "Port_missing"));
        assertArrayEquals(new double[] {3.5, 2}, values(out, "Age"));
    }

    @Test
    void dropRowsRemovesTrainingRowsButFillsOtherRows() {
        Imputer imputer = new Imputer("drop_rows", "most_frequent", 0, "missing");
        Step.Fit fit = imputer.fitTransform(withTarget(fiveRows()));
        // rows 1 (Age missing) and 3 (Fare missing) go; Age left 3 1 4 -> median 3; Fare left 7 8 8 -> 8
        assertEquals(3, fit.train().rows());
        assertArrayEquals(new double[] {3, 1, 4}, values(fit.train().features(), "Age"));
        assertArrayEquals(new String[] {"yes", "yes", "yes"}, fit.train().target().labels());
        // Port left S "" Q: a tie between S and Q goes to the alphabetically first, Q
        assertEquals(List.of("S", "Q", "Q"), fit.train().features().stringColumn("Port").asList());
        ApplyLog log = new ApplyLog();
        Table test = Table.create("p", DoubleColumn.create("Age", NA), DoubleColumn.create("Fare", NA),
                StringColumn.create("Port", "C"));
        Table out = fit.step().apply(test, log);
        assertArrayEquals(new double[] {3}, values(out, "Age"));
        assertArrayEquals(new double[] {8}, values(out, "Fare"));
        assertEquals("drop_rows removed 2 of 5 training rows; Port: most_frequent 'Q' (1 missing of 3 training rows);"
                + " no missing in 3 training rows, fills ready: Age drop_rows (other rows get 3.0),"
                + " Fare drop_rows (other rows get 8.0)", fit.step().summary());
    }

    @Test
    void robustScalingUsesMedianAndIqr() {
        Table t = Table.create("t", DoubleColumn.create("x", 3, 1, 100, 2, 4));
        FittedScaler fitted = new Scaler("robust").fit(t);
        assertEquals(new FittedScaler.ColumnScale("x", "robust", 3, 2), fitted.columns().get(0));
        assertArrayEquals(new double[] {0, -1, 48.5, -0.5, 0.5}, values(fitted.apply(t, new ApplyLog()), "x"));
        assertEquals("robust: x median 3.0 IQR 2.0", fitted.summary());
    }

    @Test
    void maxabsAndPerColumnOverrides() {
        Table t = Table.create("t", DoubleColumn.create("a", -4, 2, 1), DoubleColumn.create("b", 1, 2, 3),
                DoubleColumn.create("c", 5, 6, 7));
        FittedScaler fitted = new Scaler("maxabs", Map.of("b", "minmax", "c", "none")).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertArrayEquals(new double[] {-1, 0.5, 0.25}, values(out, "a"));
        assertArrayEquals(new double[] {0, 0.5, 1}, values(out, "b"));
        assertArrayEquals(new double[] {5, 6, 7}, values(out, "c"));
        assertEquals("maxabs: a center 0.0 max|x| 4.0; b (minmax) min 1.0 range 2.0", fitted.summary());
    }

    @Test
    void constantColumnsAreDropped() {
        Table t = Table.create("t", DoubleColumn.create("one", 1, 1, NA), StringColumn.create("same", "a", "a", "a"),
                DoubleColumn.create("varies", 1, 2, 3));
        FittedDropColumns fitted = new DropConstantColumns().fit(t);
        assertEquals(List.of("one", "same"), fitted.columns());
        assertEquals(List.of("varies"), fitted.apply(t, new ApplyLog()).columnNames());
        assertEquals("dropped 2 columns constant in the training rows: one, same", fitted.summary());
    }

    @Test
    void duplicateTrainingRowsGoButTestRowsStay() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 1, 1), StringColumn.create("c", "a", "b", "a", "a"));
        Frame train = new Frame(t, Target.labels("y", new String[] {"p", "p", "p", "q"}));
        Step.Fit fit = new DropDuplicateRows().fitTransform(train);
        // row 2 repeats row 0 exactly; row 3 has the same features but another label, so it stays
        assertArrayEquals(new String[] {"p", "p", "q"}, fit.train().target().labels());
        assertEquals(new FittedDropDuplicates(4, 1), fit.step());
        assertEquals(4, fit.step().apply(t, new ApplyLog()).rowCount());
    }
}
