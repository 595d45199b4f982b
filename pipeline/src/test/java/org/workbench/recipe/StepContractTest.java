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
import java.util.Arrays;
import java.util.Map;
import org.workbench.training.AllSteps;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.features.Binner;
import org.workbench.features.CategoricalColumns;
import org.workbench.features.DateParts;
import org.workbench.features.DeriveColumns;
import org.workbench.features.FrequencyEncoder;
import org.workbench.features.OneHotEncoder;
import org.workbench.features.OrdinalEncoder;
import org.workbench.features.Lda;
import org.workbench.features.Pca;
import org.workbench.features.PolynomialFeatures;
import org.workbench.features.TargetEncoder;
import org.workbench.features.MathTransform;
import org.workbench.preprocessing.DropColumns;
import org.workbench.preprocessing.DropConstantColumns;
import org.workbench.preprocessing.DropDuplicateRows;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.OutlierHandler;
import org.workbench.preprocessing.Scaler;
import org.workbench.selection.FeatureSelector;
import org.workbench.selection.ScoredSelector;
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
    private static Frame train;
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
    private static final Recipe IMPUTED = DROP_IDS.then(new Recipe(List.of(
            new Imputer("median", "most_frequent", 0, "missing"))));
    private static final Recipe ENCODED = IMPUTED.then(new Recipe(List.of(new OneHotEncoder())));
    private static final Recipe NO_CABIN = new Recipe(List.of(new DropColumns(List.of("PassengerId", "Name", "Ticket", "Cabin")),
            new Imputer("median", "most_frequent", 0, "missing"), new OneHotEncoder()));
    private static final Recipe WITH_DATES = new Recipe(List.of(new BoardingTime()));

    /** Every step type, with its options; add new step types here. */
    static List<Case> cases() {
        return List.of(
                new Case("drop_columns", NOTHING, new DropColumns(List.of("PassengerId", "Name", "Ticket"))),
                new Case("drop_constant", ENCODED, new DropConstantColumns()),
                new Case("drop_duplicates", DROP_IDS, new DropDuplicateRows()),
                new Case("impute median/most_frequent", NOTHING, new Imputer("median", "most_frequent", 0, "missing")),
                new Case("impute mean/constant", NOTHING, new Imputer("mean", "constant", -1, "unknown")),
                new Case("impute most_frequent/none", NOTHING, new Imputer("most_frequent", "none", 0, "missing")),
                new Case("impute constant/most_frequent", NOTHING, new Imputer("constant", "most_frequent", -1, "x")),
                new Case("impute overrides, drop_rows, indicator", NOTHING, new Imputer("median", "most_frequent", 0,
                        "missing", Map.of("Embarked", "drop_rows", "Fare", "mean", "Cabin", "constant"), true)),
                new Case("outliers iqr clip", DROP_IDS, new OutlierHandler("iqr", 1.5, 3, "clip", List.of())),
                new Case("outliers zscore flag", DROP_IDS, new OutlierHandler("zscore", 1.5, 3, "flag", List.of("Fare", "Age"))),
                new Case("outliers iqr drop", IMPUTED, new OutlierHandler("iqr", 3, 3, "drop", List.of("Fare"))),
                new Case("scale standard", NOTHING, new Scaler("standard")),
                new Case("scale minmax", DROP_IDS, new Scaler("minmax")),
                new Case("scale robust with overrides", DROP_IDS, new Scaler("robust", Map.of("Fare", "maxabs", "Age", "none"))),
                new Case("dates", WITH_DATES, new DateParts(List.of("Boarded"), List.of("month", "day", "dayofweek", "hour"), "")),
                new Case("derive", NOTHING, new DeriveColumns(List.of(new DeriveColumns.Derived("FamilySize", "SibSp + Parch + 1"),
                        new DeriveColumns.Derived("FarePerPerson", "Fare / FamilySize")))),
                new Case("transform", NOTHING, new MathTransform(Map.of("Fare", "log1p", "Age", "power", "SibSp", "sqrt"))),
                new Case("bins quantile", NOTHING, new Binner(Map.of("Age", 4, "Fare", 5), "quantile")),
                new Case("bins equal_width", NOTHING, new Binner(Map.of("Age", 4), "equal_width")),
                new Case("polynomial", IMPUTED, new PolynomialFeatures(2, List.of("Age", "Fare", "SibSp"), false)),
                new Case("onehot without imputation", DROP_IDS, new OneHotEncoder()),
                new Case("onehot after imputation", IMPUTED, new OneHotEncoder()),
                new Case("onehot max_levels", DROP_IDS, new OneHotEncoder(3, CategoricalColumns.ALL)),
                new Case("ordinal", DROP_IDS, new OrdinalEncoder(Map.of("Embarked", List.of("S", "C", "Q")), CategoricalColumns.ALL)),
                new Case("frequency", DROP_IDS, new FrequencyEncoder(CategoricalColumns.except(List.of("Cabin")))),
                new Case("target encoding", DROP_IDS, new TargetEncoder(CategoricalColumns.ALL, 5, 10, 7)),
                new Case("pca share whitened", NO_CABIN, new Pca(0.9, true, List.of())),
                new Case("pca count over some columns", IMPUTED, new Pca(2, false, List.of("Age", "Fare", "SibSp"))),
                new Case("lda", NO_CABIN, new Lda(0, List.of())),
                new Case("select include", ENCODED, new FeatureSelector(List.of("Sex", "Age", "Embarked"), List.of("Embarked=Q"))),
                new Case("select exclude", ENCODED, new FeatureSelector(List.of(), List.of("Cabin", "Parch"))),
                new Case("select variance", ENCODED, new ScoredSelector("variance", 5, 0.01, "mim", 10, "tree", 1)),
                new Case("select correlation", NO_CABIN, new ScoredSelector("correlation", 5, 0.5, "mim", 10, "tree", 1)),
                new Case("select f_test", NO_CABIN, new ScoredSelector("f_test", 4, 0, "mim", 10, "tree", 1)),
                new Case("select target_correlation", NO_CABIN, new ScoredSelector("target_correlation", 4, 0, "mim", 10, "tree", 1)),
                new Case("select mutual_info mrmr", NO_CABIN, new ScoredSelector("mutual_info", 4, 0, "mrmr", 10, "tree", 1)),
                new Case("select model_based tree", NO_CABIN, new ScoredSelector("model_based", 4, 0, "mim", 10, "tree", 1)),
                new Case("select model_based l1", NO_CABIN, new ScoredSelector("model_based", 4, 0, "mim", 10, "l1", 1)));
    }

    @BeforeAll
    static void readTitanic() throws IOException {
        // an explicit charset: Tablesaw would otherwise try to guess it
        Source csv = new Source(Path.of("../datasets/titanic/data.csv").toFile(), StandardCharsets.UTF_8);
        CsvReadOptions options = CsvReadOptions.builder(csv).build();
        Table read = Table.read().csv(options);
        String[] survived = toStrings(read.column("Survived")).asObjectArray();
        Table raw = read.removeColumns("Survived");
        Table features = Table.create("titanic");
        for (Column<?> column : raw.columns()) {
            features.addColumns(column instanceof NumericColumn<?> numbers ? toDoubles(numbers) : toStrings(column));
        }
        train = new Frame(features.inRange(0, 600), Target.labels("Survived", Arrays.copyOf(survived, 600)));
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

    /** The training rows as the step under test sees them: after its "before" steps. */
    static Frame input(Case c) {
        return c.before().fit(train).train();
    }

    private static FittedStep fitted(Case c) {
        Frame in = input(c);
        return c.step().fit(in.features(), in.target());
    }

    /** The test rows as the step under test sees them. */
    static Table testInput(Case c) {
        return c.before().fit(train).recipe().apply(test, new ApplyLog());
    }

    /**
     * A registered step without a case here fails: every fitted type a bundle can hold is produced by
     * some case, and its own step (the class it is nested in) has a case of its own.
     */
    @Test
    void everyRegisteredStepTypeIsCovered() {
        Set<Class<?>> covered = new HashSet<>();
        Set<Class<?>> steps = new HashSet<>();
        for (Case c : cases()) {
            covered.add(fitted(c).getClass());
            steps.add(c.step().getClass());
        }
        assertEquals(Set.copyOf(AllSteps.JSON.types().values()), covered);
        for (Class<?> type : AllSteps.JSON.types().values()) {
            assertTrue(steps.contains(type.getEnclosingClass()), "no case for " + type.getEnclosingClass().getSimpleName());
        }
        assertEquals(891 - 600, test.rowCount());
        assertEquals(List.of("PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare",
                "Cabin", "Embarked"), train.features().columnNames());
    }

    /** Steps pair mechanically: a step X keeps its fitted form as the nested record X.Fitted. */
    @Test
    void everyFittedTypeIsNestedInItsStep() {
        for (Class<?> type : AllSteps.JSON.types().values()) {
            assertEquals("Fitted", type.getSimpleName(), type.getName());
            assertTrue(type.isRecord(), type.getName() + " is a record, so its state is its JSON");
            assertTrue(Step.class.isAssignableFrom(type.getEnclosingClass()), type.getName() + " is nested in its step");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitLeavesTheTrainingRowsUnchanged(Case c) {
        Frame in = input(c);
        Table snapshot = in.features().copy();
        FittedStep first = c.step().fit(in.features(), in.target());
        assertSameTable(snapshot, in.features());
        assertEquals(first, c.step().fit(in.features(), in.target()), "fitting twice gives the same state");
        Step.Fit fit = c.step().fitTransform(in);
        assertSameTable(snapshot, in.features());
        assertEquals(fit.train().rows(), fit.train().target().size());
        assertTrue(fit.train().rows() <= in.rows());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void trainingAndAppliedRowsHaveTheSameColumns(Case c) {
        Step.Fit fit = c.step().fitTransform(input(c));
        Table applied = fit.step().apply(testInput(c), new ApplyLog());
        assertEquals(fit.train().features().columnNames(), applied.columnNames());
        for (int i = 0; i < applied.columnCount(); i++) {
            assertEquals(fit.train().features().column(i).getClass(), applied.column(i).getClass());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void trainingRowsSaidToBeAppliedAreExactlyTheAppliedRows(Case c) {
        Frame in = input(c);
        Step.Fit fit = c.step().fitTransform(in);
        if (fit.asApplied()) {
            // the run reuses predictions on such rows as the bundle's own; they must be the same rows
            assertEquals(in.rows(), fit.train().rows());
            assertSameTable(fit.step().apply(in.features(), new ApplyLog()), fit.train().features());
        } else {
            assertTrue(fit.train().rows() < in.rows() || c.step() instanceof org.workbench.features.TargetEncoder,
                    "only dropping rows or encoding out of fold makes training rows differ from applied rows");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void applyIsPureAndDeterministic(Case c) {
        FittedStep fitted = fitted(c);
        Table input = testInput(c);
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
        FittedStep fitted = fitted(c);
        FittedRecipe reread = AllSteps.JSON.fromJson(AllSteps.JSON.toJson(new FittedRecipe(List.of(fitted))));
        assertEquals(List.of(fitted), reread.steps());
        Table input = testInput(c);
        ApplyLog original = new ApplyLog();
        ApplyLog replayed = new ApplyLog();
        assertSameTable(fitted.apply(input, original), reread.steps().get(0).apply(input, replayed));
        assertEquals(original.counts(), replayed.counts());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyOutputColumnNamesTheInputsItComesFrom(Case c) {
        FittedStep fitted = fitted(c);
        Table input = testInput(c);
        for (String output : fitted.apply(input, new ApplyLog()).columnNames()) {
            List<String> sources = fitted.sources(output, input.columnNames());
            assertFalse(sources.isEmpty(), output + ": no source; override FittedStep.sources");
            assertTrue(input.columnNames().containsAll(sources), output + " from " + sources);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void summaryMentionsAFittedNumberOrColumn(Case c) {
        Frame in = input(c);
        String summary = c.step().fit(in.features(), in.target()).summary();
        assertFalse(summary.isBlank());
        assertFalse(summary.contains("\n"), "one line");
        boolean hasNumber = summary.chars().anyMatch(Character::isDigit);
        boolean hasColumn = in.features().columnNames().stream().anyMatch(summary::contains);
        assertTrue(hasNumber || hasColumn, summary);
    }

    @Test
    void theWholeChainReplaysFromJson() {
        Recipe recipe = ENCODED.then(new Recipe(List.of(new Scaler("standard"),
                new FeatureSelector(List.of("Sex", "Age", "Fare"), List.of()))));
        FittedRecipe fitted = recipe.fit(train).recipe();
        FittedRecipe reread = AllSteps.JSON.fromJson(AllSteps.JSON.toJson(fitted));
        assertEquals(fitted, reread);
        Table out = reread.apply(test, new ApplyLog());
        assertEquals(List.of("Age", "Fare", "Sex=female", "Sex=male"), out.columnNames());
        assertSameTable(fitted.apply(test, new ApplyLog()), out);
        List<String> summaries = new ArrayList<>();
        fitted.steps().forEach(s -> summaries.add(s.name()));
        assertEquals(List.of("drop_columns", "impute", "onehot", "scale", "select"), summaries);
    }
}
