package org.workbench.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.workbench.recipe.TableAssert.assertSameTable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.recipe.StepContractTest.Case;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * scikit-learn's edge-input checks ({@code check_estimator}: empty data, one sample, all-NaN
 * columns, feature order, wrong dtype, zero rows to transform) over every step of
 * {@link StepContractTest}. A step may refuse an edge input with one clear {@link InputException};
 * it may never fail with an internal error (index out of bounds, null pointer, class cast).
 */
class StepEdgeInputsTest {

    @BeforeAll
    static void readTitanic() throws IOException {
        StepContractTest.readTitanic();
    }

    static List<Case> cases() {
        return StepContractTest.cases();
    }

    /**
     * Data that already has a column named like one the step makes (a user's own "Age_missing" beside
     * "Age", or "Age^2"): the step fits, or the recipe refuses in one line naming the column; never
     * Tablesaw's internal "duplicate name" error.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void aColumnNamedLikeOneTheStepMakesIsRefusedClearlyOrFits(Case c) {
        Frame input = StepContractTest.input(c);
        List<String> made = new ArrayList<>(new Recipe(List.of(c.step())).fit(input).train().features().columnNames());
        made.removeAll(input.features().columnNames());
        if (made.isEmpty()) {
            return;
        }
        String name = made.get(0);
        Table features = input.features().copy();
        // a numeric column of zeros, named as the step's first new column but in upper case: names ignore case
        features.addColumns(DoubleColumn.create(name.toUpperCase(Locale.ROOT), new double[features.rowCount()]));
        Frame clashing = new Frame(features, input.target());
        try {
            new Recipe(List.of(c.step())).fit(clashing);
        } catch (InputException e) {
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("'" + name.toLowerCase(Locale.ROOT) + "'"),
                    c + ": " + e.getMessage());
        } catch (RuntimeException e) {
            fail(c + ": an internal error for a column named like the step's '" + name + "': " + e);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitOnAnEmptyTableRefusesClearlyOrFitsANoOp(Case c) {
        Frame empty = StepContractTest.input(c).subset(new int[0]);
        fitThenApply(c, "empty table", empty);
        // the recipe, which fits steps in a run, refuses outright and names the step
        InputException e = assertThrows(InputException.class, () -> new Recipe(List.of(c.step())).fit(empty));
        assertEquals("no training rows left to fit step '" + c.step().name() + "' on; check the data and the settings"
                + " that drop rows (preprocess.drop_duplicates, preprocess.impute.columns with drop_rows,"
                + " preprocess.outliers.action drop)", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitOnOneRowRefusesClearlyOrWorks(Case c) {
        Frame one = StepContractTest.input(c).subset(new int[] {0});
        fitThenApply(c, "one row", one);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitWithAnAllMissingNumericColumn(Case c) {
        Frame in = StepContractTest.input(c);
        String column = firstColumn(in.features(), DoubleColumn.class, "Age");
        assertTrue(column != null, "every case's input has a numeric column");
        Table features = in.features().copy();
        double[] nothing = new double[in.rows()];
        java.util.Arrays.fill(nothing, Double.NaN);
        features.replaceColumn(column, DoubleColumn.create(column, nothing));
        fitThenApply(c, "all-NaN numeric column " + column, in.withFeatures(features));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitWithAnAllMissingTextColumn(Case c) {
        Frame in = StepContractTest.input(c);
        String column = firstColumn(in.features(), StringColumn.class, "Embarked");
        if (column == null) {
            // after one-hot encoding every column is numeric: nothing to blank, and nothing to check
            assertTrue(in.features().columns().stream().allMatch(DoubleColumn.class::isInstance), c.label());
            return;
        }
        Table features = in.features().copy();
        String[] blanks = new String[in.rows()];
        java.util.Arrays.fill(blanks, "");
        features.replaceColumn(column, StringColumn.create(column, blanks));
        fitThenApply(c, "all-missing text column " + column, in.withFeatures(features));
    }

    /** The same fit checks with a numeric target, which supervised steps (target encoding, selection) treat differently. */
    @ParameterizedTest
    @MethodSource("cases")
    void fitOnEdgeRowsWithANumericTarget(Case c) {
        Frame in = StepContractTest.input(c);
        double[] values = IntStream.range(0, in.rows()).mapToDouble(i -> (i * 7919 % 101) / 4.0).toArray();
        Frame numeric = new Frame(in.features(), org.workbench.data.Target.values("y", values));
        fitThenApply(c, "empty table, numeric target", numeric.subset(new int[0]));
        fitThenApply(c, "one row, numeric target", numeric.subset(new int[] {0}));
        fitThenApply(c, "all rows, numeric target", numeric);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void applyDoesNotDependOnTheColumnOrder(Case c) {
        FittedStep fitted = fitted(c);
        Table input = StepContractTest.testInput(c);
        List<String> reversed = new ArrayList<>(input.columnNames());
        Collections.reverse(reversed);
        Table shuffled = input.selectColumns(reversed.toArray(String[]::new));
        Table expected = fitted.apply(input, new ApplyLog());
        Table actual = fitted.apply(shuffled, new ApplyLog());
        // columns are matched by name downstream (later steps, the model), so the order may follow the input's
        assertEquals(Set.copyOf(expected.columnNames()), Set.copyOf(actual.columnNames()));
        assertEquals(expected.columnCount(), actual.columnCount());
        assertSameTable(expected, actual.selectColumns(expected.columnNames().toArray(String[]::new)));
    }

    /**
     * Every column in turn arrives as the other type (numbers as text, text as numbers). The step
     * refuses with an InputException naming the column, or leaves that column exactly as given
     * (it does not use it; the bundle's input check or a later step stops it) and every other
     * column as it would have been.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void applyWithAColumnOfTheWrongTypeNamesIt(Case c) {
        FittedStep fitted = fitted(c);
        Table input = StepContractTest.testInput(c);
        Table expected = fitted.apply(input, new ApplyLog());
        for (Column<?> column : input.columns()) {
            Table wrong = input.copy();
            Column<?> swapped = otherType(column);
            wrong.replaceColumn(column.name(), swapped);
            Table out;
            try {
                out = fitted.apply(wrong, new ApplyLog());
            } catch (InputException e) {
                assertOneLineNaming(e, column.name());
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError(c.label() + ": column '" + column.name() + "' as " + swapped.type()
                        + " failed with an internal error", e);
            }
            for (Column<?> produced : out.columns()) {
                if (produced.name().equals(column.name())) {
                    assertSameTable(Table.create("t", swapped), Table.create("t", produced));
                } else {
                    assertTrue(expected.containsColumn(produced.name()), c.label() + ": column '" + column.name()
                            + "' as " + swapped.type() + " produced an unexpected column '" + produced.name() + "'");
                    assertSameTable(Table.create("t", expected.column(produced.name())), Table.create("t", produced));
                }
            }
            for (String name : expected.columnNames()) {
                assertTrue(out.containsColumn(name), c.label() + ": column '" + column.name() + "' as " + swapped.type()
                        + " silently lost column '" + name + "'");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void applyToZeroRowsGivesZeroRows(Case c) {
        FittedStep fitted = fitted(c);
        Table input = StepContractTest.testInput(c);
        Table none = input.emptyCopy();
        Table out = fitted.apply(none, new ApplyLog());
        assertEquals(0, out.rowCount());
        Table expected = fitted.apply(input, new ApplyLog());
        assertEquals(expected.columnNames(), out.columnNames());
        for (int i = 0; i < out.columnCount(); i++) {
            assertEquals(expected.column(i).getClass(), out.column(i).getClass(), out.column(i).name());
        }
    }

    @Test
    void aStepGivenTheWrongTypeSaysWhichColumnAndWhatItWas() {
        Frame in = StepContractTest.input(cases().stream().filter(c -> c.label().equals("scale standard")).findFirst().orElseThrow());
        FittedStep scale = new org.workbench.preprocessing.Scaler("standard").fit(in.features(), in.target());
        Table wrong = in.features().copy();
        wrong.replaceColumn("Age", otherType(wrong.column("Age")));
        InputException e = assertThrows(InputException.class, () -> scale.apply(wrong, new ApplyLog()));
        assertEquals("scale: column 'Age' was numeric in the training data but is categorical here", e.getMessage());
    }

    /** A test-only step that drops every training row, as a strict row filter might. */
    record DropEveryRow() implements Step {
        @Override
        public String name() {
            return "drop_everything";
        }

        @Override
        public FittedStep fit(Table features, org.workbench.data.Target target) {
            return new org.workbench.preprocessing.DropColumns.Fitted(List.of());
        }

        @Override
        public Fit fitTransform(Frame train) {
            return new Fit(fit(train.features(), train.target()), train.subset(new int[0]), false);
        }
    }

    @Test
    void aRecipeWhoseStepDropsEveryTrainingRowNamesThatStep() {
        Frame in = StepContractTest.input(cases().get(0));
        Recipe recipe = new Recipe(List.of(new DropEveryRow(), new org.workbench.preprocessing.Scaler("standard")));
        InputException e = assertThrows(InputException.class, () -> recipe.fit(in));
        assertTrue(e.getMessage().startsWith("no training rows left to fit step 'scale' on: step 'drop_everything' dropped all of them;"),
                e.getMessage());
        InputException atTheEnd = assertThrows(InputException.class, () -> new Recipe(List.of(new DropEveryRow())).fit(in));
        assertTrue(atTheEnd.getMessage().startsWith("no training rows left to train on: step 'drop_everything' dropped all of them;"),
                atTheEnd.getMessage());
    }

    @Test
    void droppingEveryColumnAsConstantIsRefused() {
        Frame in = StepContractTest.input(cases().get(0)).subset(new int[] {3});
        InputException e = assertThrows(InputException.class,
                () -> new org.workbench.preprocessing.DropConstantColumns().fit(in.features(), in.target()));
        assertEquals("preprocess.drop_constant: every feature column is constant in the 1 training rows (PassengerId,"
                + " Pclass, Name, Sex, Age and 6 more); check the data, or set preprocess.drop_constant: false", e.getMessage());
    }

    /**
     * Fits (as the pipeline does, through fitTransform) on edge rows, then applies the fitted step to
     * the usual test rows. An InputException is a fine answer at either point; nothing else is.
     */
    private static void fitThenApply(Case c, String edge, Frame rows) {
        Step.Fit fit = attempt(c, edge + " (fit)", () -> c.step().fitTransform(rows));
        if (fit == null) {
            return;
        }
        assertEquals(fit.train().rows(), fit.train().target().size(), "features and target stay aligned");
        assertTrue(fit.train().rows() <= rows.rows());
        assertFalse(fit.step().summary().isBlank());
        Table applied = attempt(c, edge + " (apply)", () -> fit.step().apply(StepContractTest.testInput(c), new ApplyLog()));
        if (applied != null) {
            assertEquals(StepContractTest.testInput(c).rowCount(), applied.rowCount());
            assertEquals(fit.train().features().columnNames(), applied.columnNames());
        }
    }

    /** The result, or null when the step refused with a one-line InputException; fails on any other error. */
    private static <T> T attempt(Case c, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (InputException e) {
            assertOneLineNaming(e, null);
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError(c.label() + " on " + what + ": internal error instead of an InputException", e);
        }
    }

    private static void assertOneLineNaming(InputException e, String column) {
        String message = e.getMessage();
        assertTrue(message != null && !message.isBlank(), "an InputException says what is wrong");
        assertFalse(message.contains("\n"), "one line: " + message);
        if (column != null) {
            assertTrue(message.contains("'" + column + "'"), "names column '" + column + "': " + message);
        }
    }

    private static FittedStep fitted(Case c) {
        Frame in = StepContractTest.input(c);
        return c.step().fit(in.features(), in.target());
    }

    /** The preferred column if it has the type, else the first column of that type, else null. */
    private static String firstColumn(Table table, Class<?> type, String preferred) {
        if (table.containsColumn(preferred) && type.isInstance(table.column(preferred))) {
            return preferred;
        }
        return table.columns().stream().filter(type::isInstance).map(Column::name).findFirst().orElse(null);
    }

    /** Numbers as their text ("22.0", "" for missing), text as numbers where it reads as one (NaN otherwise). */
    private static Column<?> otherType(Column<?> column) {
        if (column instanceof DoubleColumn numbers) {
            String[] text = new String[numbers.size()];
            for (int i = 0; i < text.length; i++) {
                double v = numbers.getDouble(i);
                text[i] = Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
            }
            return StringColumn.create(column.name(), text);
        }
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Double.parseDouble(column.getString(i));
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
        }
        return DoubleColumn.create(column.name(), values);
    }
}
