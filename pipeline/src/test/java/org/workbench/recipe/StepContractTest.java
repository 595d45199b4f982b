package org.workbench.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.recipe.TableAssert.assertNoSharedColumns;
import static org.workbench.recipe.TableAssert.assertSameTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.features.OneHotEncoder;
import org.workbench.preprocessing.DropColumns;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.Scaler;
import org.workbench.selection.FeatureSelector;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The contract every step keeps, checked on Titanic rows: fitting leaves the training rows alone,
 * apply is pure and deterministic, the JSON form replays identically and the summary has numbers.
 */
class StepContractTest {
    private static Table train;
    private static Table test;

    /** A step under test, fitted on the output of {@code before} (fitted on the same training rows). */
    record Case(String label, Recipe before, Step step) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final Recipe NOTHING = new Recipe(List.of());
    private static final Recipe DROP_IDS = new Recipe(List.of(new DropColumns(List.of("PassengerId", "Name", "Ticket"))));
    private static final Recipe ENCODED = DROP_IDS.then(new Recipe(List.of(
            new Imputer("median", "most_frequent", 0, "missing"), new OneHotEncoder())));

    /** Every step type, with its options; add new step types here. */
    static List<Case> cases() {
        return List.of(
                new Case("drop_columns", NOTHING, new DropColumns(List.of("PassengerId", "Name", "Ticket"))),
                new Case("impute median/most_frequent", NOTHING, new Imputer("median", "most_frequent", 0, "missing")),
                new Case("impute mean/constant", NOTHING, new Imputer("mean", "constant", -1, "unknown")),
                new Case("impute most_frequent/none", NOTHING, new Imputer("most_frequent", "none", 0, "missing")),
                new Case("impute constant/most_frequent", NOTHING, new Imputer("constant", "most_frequent", -1, "x")),
                new Case("scale standard", NOTHING, new Scaler("standard")),
                new Case("scale minmax", DROP_IDS, new Scaler("minmax")),
                new Case("onehot without imputation", DROP_IDS, new OneHotEncoder()),
                new Case("onehot after imputation", DROP_IDS.then(new Recipe(List.of(
                        new Imputer("median", "most_frequent", 0, "missing")))), new OneHotEncoder()),
                new Case("select include", ENCODED, new FeatureSelector(List.of("Sex", "Age", "Embarked"), List.of("Embarked=Q"))),
                new Case("select exclude", ENCODED, new FeatureSelector(List.of(), List.of("Cabin", "Parch"))));
    }

    @BeforeAll
    static void readTitanic() throws IOException {
        // an explicit charset: Tablesaw would otherwise try to guess it
        Source csv = new Source(Path.of("../datasets/titanic/data.csv").toFile(), StandardCharsets.UTF_8);
        CsvReadOptions options = CsvReadOptions.builder(csv).build();
        Table raw = Table.read().csv(options).removeColumns("Survived");
        Table features = Table.create("titanic");
        for (Column<?> column : raw.columns()) {
            features.addColumns(column instanceof NumericColumn<?> numbers ? toDoubles(numbers) : toStrings(column));
        }
        train = features.inRange(0, 600);
        test = features.inRange(600, features.rowCount());
    }

    private static DoubleColumn toDoubles(NumericColumn<?> column) {
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isMissing(i) ? Double.NaN : column.getDouble(i);
        }
        return DoubleColumn.create(column.name(), values);
    }

    private static StringColumn toStrings(Column<?> column) {
        String[] values = new String[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isMissing(i) ? "" : column.getString(i);
        }
        return StringColumn.create(column.name(), values);
    }

    @Test
    void everyRegisteredStepTypeIsCovered() {
        Set<Class<?>> covered = new HashSet<>();
        for (Case c : cases()) {
            Table input = c.before().fit(train).apply(train, new ApplyLog());
            covered.add(c.step().fit(input).getClass());
        }
        assertEquals(Set.copyOf(StepJson.types().values()), covered);
        assertEquals(891 - 600, test.rowCount());
        assertEquals(List.of("PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare",
                "Cabin", "Embarked"), train.columnNames());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitLeavesTheTrainingRowsUnchanged(Case c) {
        Table input = c.before().fit(train).apply(train, new ApplyLog());
        Table snapshot = input.copy();
        FittedStep first = c.step().fit(input);
        assertSameTable(snapshot, input);
        assertEquals(first, c.step().fit(input), "fitting twice gives the same state");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void applyIsPureAndDeterministic(Case c) {
        FittedRecipe before = c.before().fit(train);
        FittedStep fitted = c.step().fit(before.apply(train, new ApplyLog()));
        Table input = before.apply(test, new ApplyLog());
        Table snapshot = input.copy();
        ApplyLog log1 = new ApplyLog();
        ApplyLog log2 = new ApplyLog();
        Table once = fitted.apply(input, log1);
        Table twice = fitted.apply(input, log2);
        assertSameTable(snapshot, input);
        assertSameTable(once, twice);
        assertEquals(log1.counts(), log2.counts());
        assertNoSharedColumns(input, once);
        assertEquals(input.rowCount(), once.rowCount());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jsonRoundTripReplaysIdentically(Case c) {
        FittedRecipe before = c.before().fit(train);
        FittedStep fitted = c.step().fit(before.apply(train, new ApplyLog()));
        FittedRecipe reread = StepJson.fromJson(StepJson.toJson(new FittedRecipe(List.of(fitted))));
        assertEquals(List.of(fitted), reread.steps());
        Table input = before.apply(test, new ApplyLog());
        ApplyLog original = new ApplyLog();
        ApplyLog replayed = new ApplyLog();
        assertSameTable(fitted.apply(input, original), reread.steps().get(0).apply(input, replayed));
        assertEquals(original.counts(), replayed.counts());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void summaryMentionsAFittedNumberOrColumn(Case c) {
        Table input = c.before().fit(train).apply(train, new ApplyLog());
        String summary = c.step().fit(input).summary();
        assertFalse(summary.isBlank());
        assertFalse(summary.contains("\n"), "one line");
        boolean hasNumber = summary.chars().anyMatch(Character::isDigit);
        boolean hasColumn = input.columnNames().stream().anyMatch(summary::contains);
        assertTrue(hasNumber || hasColumn, summary);
    }

    @Test
    void theWholeChainReplaysFromJson() {
        Recipe recipe = ENCODED.then(new Recipe(List.of(new Scaler("standard"),
                new FeatureSelector(List.of("Sex", "Age", "Fare"), List.of()))));
        FittedRecipe fitted = recipe.fit(train);
        FittedRecipe reread = StepJson.fromJson(StepJson.toJson(fitted));
        assertEquals(fitted, reread);
        Table out = reread.apply(test, new ApplyLog());
        assertEquals(List.of("Age", "Fare", "Sex=female", "Sex=male"), out.columnNames());
        assertSameTable(fitted.apply(test, new ApplyLog()), out);
        List<String> summaries = new ArrayList<>();
        fitted.steps().forEach(s -> summaries.add(s.name()));
        assertEquals(List.of("drop_columns", "impute", "onehot", "scale", "select"), summaries);
    }
}
