package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.recipe.TableAssert.assertNoSharedColumns;
import static org.workbench.recipe.TableAssert.assertSameTable;
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

class ImputerTest {
    private static final double NA = Double.NaN;

    /** Five rows: Age has one gap, Fare none, Score and Deck are entirely missing. */
    private static Table fiveRows() {
        return Table.create("t",
                DoubleColumn.create("Age", 3, NA, 1, 10, 4),
                DoubleColumn.create("Fare", 7.25, 71.25, 8, 53.5, 8),
                DoubleColumn.create("Score", NA, NA, NA, NA, NA),
                StringColumn.create("Embarked", "S", "C", "", "S", "Q"),
                StringColumn.create("Deck", "", "", "", "", ""));
    }

    private static Table oneNumber(double... values) {
        return Table.create("t", DoubleColumn.create("x", values));
    }

    private static double fillOf(String numericStrategy, double... values) {
        Imputer.Fitted fitted = new Imputer(numericStrategy, "none", -1, "missing").fit(oneNumber(values));
        return fitted.numeric().get(0).value();
    }

    private static Table fiveRowsWithPort() {
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
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(3.5, fillOf("median", 3, NA, 1, 10, 4));  // 1 3 4 10
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(5.0, fillOf("median", 5, 1, NA, 9, NA));  // 1 5 9
    }

    @Test
    void meanIgnoresMissingValues() {
        assertEquals(3.0, fillOf("mean", 1, 2, NA, 6, NA));  // 9 / 3
    }

    @Test
    void mostFrequentNumberBreaksTiesTowardsTheSmallest() {
        assertEquals(1.0, fillOf("most_frequent", 2, 2, 1, 1, 5, NA));
        assertEquals(2.0, fillOf("most_frequent", 2, 2, 1, 5, NA));
    }

    @Test
    void mostFrequentCategoryBreaksTiesAlphabetically() {
        Table t = Table.create("t", StringColumn.create("c", "b", "a", "b", "a", "c", ""));
        Imputer.Fitted fitted = new Imputer("none", "most_frequent", 0, "missing").fit(t);
        assertEquals(new Imputer.Fitted.TextFill("c", "most_frequent", "a", 1), fitted.categorical().get(0));
    }

    @Test
    void constantUsesTheConfiguredValues() {
        Imputer.Fitted fitted = new Imputer("constant", "constant", -1, "unknown").fit(fiveRows());
        Table out = fitted.apply(fiveRows(), new ApplyLog());
        assertArrayEquals(new double[] {3, -1, 1, 10, 4}, values(out, "Age"));
        assertEquals(List.of("S", "C", "unknown", "S", "Q"), out.stringColumn("Embarked").asList());
    }

    @Test
    void fitsEveryColumnAndFillsGaps() {
        Imputer.Fitted fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRows());
        assertEquals(5, fitted.trainingRows());
        assertEquals(List.of(
                new Imputer.Fitted.NumberFill("Age", "median", 3.5, 1),
                new Imputer.Fitted.NumberFill("Fare", "median", 8.0, 0),
                new Imputer.Fitted.NumberFill("Score", "constant", 0.0, 5)), fitted.numeric());
        assertEquals(List.of(
                new Imputer.Fitted.TextFill("Embarked", "most_frequent", "S", 1),
                new Imputer.Fitted.TextFill("Deck", "constant", "missing", 5)), fitted.categorical());

        ApplyLog log = new ApplyLog();
        Table out = fitted.apply(fiveRows(), log);
        assertEquals(fiveRows().columnNames(), out.columnNames());
        assertArrayEquals(new double[] {3, 3.5, 1, 10, 4}, values(out, "Age"));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, values(out, "Score"));
        assertEquals(List.of("S", "C", "S", "S", "Q"), out.stringColumn("Embarked").asList());
        assertEquals(Map.of("missing values filled in Age", 1L, "missing values filled in Score", 5L,
                "missing values filled in Embarked", 1L, "missing values filled in Deck", 5L), log.counts());
    }

    @Test
    void summaryGivesEachFillWithItsMissingCount() {
        Imputer.Fitted fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRows());
        assertEquals("Age: median 3.5 (1 missing of 5 training rows); "
                + "Score: constant 0.0 (all 5 training rows missing, nothing to learn from); "
                + "Embarked: most_frequent 'S' (1 missing of 5 training rows); "
                + "Deck: constant 'missing' (all 5 training rows missing, nothing to learn from); "
                + "no missing in 5 training rows, fills ready: Fare 8.0", fitted.summary());
    }

    @Test
    void noneLeavesThatTypeAlone() {
        Imputer.Fitted fitted = new Imputer("none", "most_frequent", 0, "missing").fit(fiveRows());
        assertTrue(fitted.numeric().isEmpty());
        Table out = fitted.apply(fiveRows(), new ApplyLog());
        assertTrue(Double.isNaN(out.doubleColumn("Age").getDouble(1)));
        assertTrue(new Imputer("none", "none", 0, "x").fillsNothing());
    }

    @Test
    void fitAndApplyLeaveTheirInputUnchanged() {
        Table train = fiveRows();
        Imputer.Fitted fitted = new Imputer("mean", "most_frequent", 0, "missing").fit(train);
        assertSameTable(fiveRows(), train);
        Table out = fitted.apply(train, new ApplyLog());
        assertSameTable(fiveRows(), train);
        assertNoSharedColumns(train, out);
    }

    @Test
    void applyingToTestRowsUsesTrainingStatisticsOnly() {
        Imputer imputer = new Imputer("mean", "none", 0, "missing");
        Imputer.Fitted fitted = imputer.fit(oneNumber(1, 2, NA, 6));
        Table test = oneNumber(1e12, NA);
        Table out = fitted.apply(test, new ApplyLog());
        assertArrayEquals(new double[] {1e12, 3.0}, values(out, "x"));
        assertEquals(imputer.fit(oneNumber(1, 2, NA, 6)), fitted);
        assertEquals(3.0, fitted.numeric().get(0).value());
    }

    @Test
    void aMissingOrRetypedColumnAtApplyIsAnInputError() {
        Imputer.Fitted fitted = new Imputer("median", "none", 0, "missing").fit(oneNumber(1, 2));
        InputException absent = assertThrows(InputException.class,
                () -> fitted.apply(Table.create("p", DoubleColumn.create("y", 1.0)), new ApplyLog()));
        assertEquals("impute: column 'x' was in the training data but is missing here", absent.getMessage());
        InputException retyped = assertThrows(InputException.class,
                () -> fitted.apply(Table.create("p", StringColumn.create("x", "a")), new ApplyLog()));
        assertEquals("impute: column 'x' was numeric in the training data but is categorical here", retyped.getMessage());
    }

    @Test
    void unknownStrategyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Imputer("mode", "none", 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new Imputer("none", "mean", 0, ""));
    }

    @Test
    void medianImputationOnFiveRows() {
        // Age present: 1 3 4 10 -> median (3 + 4) / 2 = 3.5; Fare present: 7 8 8 71 -> median 8
        Imputer.Fitted fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRowsWithPort());
        Table out = fitted.apply(fiveRowsWithPort(), new ApplyLog());
        assertArrayEquals(new double[] {3, 3.5, 1, 10, 4}, values(out, "Age"));
        assertArrayEquals(new double[] {7, 71, 8, 8, 8}, values(out, "Fare"));
    }

    @Test
    void perColumnOverridesBeatThePerTypeDefault() {
        Imputer imputer = new Imputer("median", "most_frequent", -1, "none", Map.of("Fare", "mean", "Port", "constant"), false);
        Table out = imputer.fit(fiveRowsWithPort()).apply(fiveRowsWithPort(), new ApplyLog());
        assertArrayEquals(new double[] {3, 3.5, 1, 10, 4}, values(out, "Age"));
        assertArrayEquals(new double[] {7, 71, 8, 23.5, 8}, values(out, "Fare"));  // (7 + 71 + 8 + 8) / 4
        assertEquals(List.of("S", "C", "none", "S", "Q"), out.stringColumn("Port").asList());
    }

    @Test
    void anOverrideMustNameAColumnAndSuitItsType() {
        InputException absent = assertThrows(InputException.class, () -> new Imputer("median", "most_frequent", 0, "m",
                Map.of("Fair", "mean"), false).fit(fiveRowsWithPort()));
        assertEquals("preprocess.impute.columns.Fair: no column 'Fair'; did you mean 'Fare'?", absent.getMessage());
        InputException type = assertThrows(InputException.class, () -> new Imputer("median", "most_frequent", 0, "m",
                Map.of("Port", "mean"), false).fit(fiveRowsWithPort()));
        assertEquals("preprocess.impute.columns.Port: 'mean' is not a strategy for a categorical column;"
                + " use one of [most_frequent, constant, drop_rows, none]", type.getMessage());
    }

    @Test
    void indicatorsMarkTheGapsBeforeFilling() {
        Imputer imputer = new Imputer("median", "most_frequent", 0, "missing", Map.of(), true);
        Imputer.Fitted fitted = imputer.fit(fiveRowsWithPort());
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
        Step.Fit fit = imputer.fitTransform(withTarget(fiveRowsWithPort()));
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
}
