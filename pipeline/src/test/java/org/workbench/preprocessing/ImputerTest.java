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
import org.workbench.recipe.ApplyLog;
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
        FittedImputer fitted = new Imputer(numericStrategy, "none", -1, "missing").fit(oneNumber(values));
        return fitted.numeric().get(0).value();
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
        FittedImputer fitted = new Imputer("none", "most_frequent", 0, "missing").fit(t);
        assertEquals(new FittedImputer.TextFill("c", "most_frequent", "a", 1), fitted.categorical().get(0));
    }

    @Test
    void constantUsesTheConfiguredValues() {
        FittedImputer fitted = new Imputer("constant", "constant", -1, "unknown").fit(fiveRows());
        Table out = fitted.apply(fiveRows(), new ApplyLog());
        assertArrayEquals(new double[] {3, -1, 1, 10, 4}, values(out, "Age"));
        assertEquals(List.of("S", "C", "unknown", "S", "Q"), out.stringColumn("Embarked").asList());
    }

    @Test
    void fitsEveryColumnAndFillsGaps() {
        FittedImputer fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRows());
        assertEquals(5, fitted.trainingRows());
        assertEquals(List.of(
                new FittedImputer.NumberFill("Age", "median", 3.5, 1),
                new FittedImputer.NumberFill("Fare", "median", 8.0, 0),
                new FittedImputer.NumberFill("Score", "constant", 0.0, 5)), fitted.numeric());
        assertEquals(List.of(
                new FittedImputer.TextFill("Embarked", "most_frequent", "S", 1),
                new FittedImputer.TextFill("Deck", "constant", "missing", 5)), fitted.categorical());

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
        FittedImputer fitted = new Imputer("median", "most_frequent", 0, "missing").fit(fiveRows());
        assertEquals("Age: median 3.5 (1 missing of 5 training rows); "
                + "Score: constant 0.0 (all 5 training rows missing, nothing to learn from); "
                + "Embarked: most_frequent 'S' (1 missing of 5 training rows); "
                + "Deck: constant 'missing' (all 5 training rows missing, nothing to learn from); "
                + "no missing in 5 training rows, fills ready: Fare 8.0", fitted.summary());
    }

    @Test
    void noneLeavesThatTypeAlone() {
        FittedImputer fitted = new Imputer("none", "most_frequent", 0, "missing").fit(fiveRows());
        assertTrue(fitted.numeric().isEmpty());
        Table out = fitted.apply(fiveRows(), new ApplyLog());
        assertTrue(Double.isNaN(out.doubleColumn("Age").getDouble(1)));
        assertTrue(new Imputer("none", "none", 0, "x").fillsNothing());
    }

    @Test
    void fitAndApplyLeaveTheirInputUnchanged() {
        Table train = fiveRows();
        FittedImputer fitted = new Imputer("mean", "most_frequent", 0, "missing").fit(train);
        assertSameTable(fiveRows(), train);
        Table out = fitted.apply(train, new ApplyLog());
        assertSameTable(fiveRows(), train);
        assertNoSharedColumns(train, out);
    }

    @Test
    void applyingToTestRowsUsesTrainingStatisticsOnly() {
        Imputer imputer = new Imputer("mean", "none", 0, "missing");
        FittedImputer fitted = imputer.fit(oneNumber(1, 2, NA, 6));
        Table test = oneNumber(1e12, NA);
        Table out = fitted.apply(test, new ApplyLog());
        assertArrayEquals(new double[] {1e12, 3.0}, values(out, "x"));
        assertEquals(imputer.fit(oneNumber(1, 2, NA, 6)), fitted);
        assertEquals(3.0, fitted.numeric().get(0).value());
    }

    @Test
    void aMissingOrRetypedColumnAtApplyIsAnInputError() {
        FittedImputer fitted = new Imputer("median", "none", 0, "missing").fit(oneNumber(1, 2));
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
}
