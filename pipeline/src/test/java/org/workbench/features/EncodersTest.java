package org.workbench.features;

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

/** One-hot with a level cap, ordinal, frequency and target encoding, checked by hand. */
class EncodersTest {
    /** c: a x3, b x2, c x1, d x1, one missing. */
    private static Table levels() {
        return Table.create("t", StringColumn.create("c", "a", "b", "a", "c", "b", "a", "d", ""));
    }

    private static Table oneColumn(String... values) {
        return Table.create("p", StringColumn.create("c", values));
    }

    @Test
    void onehotWithMaxLevelsPoolsRareLevelsAndZeroesUnseen() {
        FittedOneHotEncoder fitted = new OneHotEncoder(2, CategoricalColumns.ALL).fit(levels());
        assertEquals(List.of(new FittedOneHotEncoder.Levels("c", List.of("a", "b"), List.of("c", "d"))), fitted.columns());
        ApplyLog log = new ApplyLog();
        Table out = fitted.apply(oneColumn("a", "d", "zzz", "b", ""), log);
        assertEquals(List.of("c=a", "c=b", "c=other"), out.columnNames());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, values(out, "c=a"));
        assertArrayEquals(new double[] {0, 0, 0, 1, 0}, values(out, "c=b"));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, values(out, "c=other"));
        assertEquals(Map.of("unseen categories in c", 1L, "missing c", 1L), log.counts());
        assertEquals("c: 2 levels (a, b) + other (2 rarer levels: c, d)", fitted.summary());
    }

    @Test
    void ordinalByFrequencyOrByAGivenOrder() {
        FittedOrdinalEncoder byFrequency = new OrdinalEncoder(Map.of(), CategoricalColumns.ALL).fit(levels());
        assertEquals(List.of("a", "b", "c", "d"), byFrequency.columns().get(0).levels());
        ApplyLog log = new ApplyLog();
        assertArrayEquals(new double[] {0, 1, 2, 3, -1, -1},
                values(byFrequency.apply(oneColumn("a", "b", "c", "d", "e", ""), log), "c"));
        assertEquals(Map.of("missing or unseen values in c (encoded as -1)", 2L), log.counts());

        FittedOrdinalEncoder given = new OrdinalEncoder(Map.of("c", List.of("d", "c", "b", "a")), CategoricalColumns.ALL)
                .fit(levels());
        assertArrayEquals(new double[] {3, 2, 1, 0}, values(given.apply(oneColumn("a", "b", "c", "d"), new ApplyLog()), "c"));
        assertEquals("c: given order d=0, c=1, b=2, a=3; missing or unseen -> -1", given.summary());
    }

    @Test
    void anOrderMustListEveryTrainingLevel() {
        InputException e = assertThrows(InputException.class,
                () -> new OrdinalEncoder(Map.of("c", List.of("a", "b")), CategoricalColumns.ALL).fit(levels()));
        assertEquals("features.ordinal_order.c: the training rows hold [c, d], which the order [a, b] does not list",
                e.getMessage());
    }

    @Test
    void frequencyIsTheShareOfTrainingRows() {
        FittedFrequencyEncoder fitted = new FrequencyEncoder(CategoricalColumns.ALL).fit(levels());
        // 8 rows: a 3/8, b 2/8, c 1/8, d 1/8
        assertArrayEquals(new double[] {0.375, 0.25, 0.125, 0, 0},
                values(fitted.apply(oneColumn("a", "b", "d", "new", ""), new ApplyLog()), "c"));
        assertEquals("c: a 0.375, b 0.25, c 0.125, d 0.125", fitted.summary());
    }

    /** Six rows: A with y 1 1 0, B with 0 0, C with 1; prior 3/6. */
    private static Frame targetRows() {
        return new Frame(oneColumn("A", "A", "A", "B", "B", "C"),
                Target.labels("y", new String[] {"1", "1", "0", "0", "0", "1"}));
    }

    @Test
    void targetEncodingSmoothsTowardsThePrior() {
        FittedTargetEncoder fitted = new TargetEncoder(CategoricalColumns.ALL, 2, 1, 42)
                .fit(targetRows().features(), targetRows().target());
        // (sum + 1 x 0.5) / (count + 1): A (2 + .5) / 4, B (0 + .5) / 3, C (1 + .5) / 2; unseen -> prior 0.5
        ApplyLog log = new ApplyLog();
        Table out = fitted.apply(oneColumn("A", "B", "C", "Z"), log);
        assertEquals(List.of("c_te"), out.columnNames());
        assertArrayEquals(new double[] {0.625, 0.5 / 3, 0.75, 0.5}, values(out, "c_te"), 1e-12);
        assertEquals(Map.of("missing or unseen values in c (encoded as the prior)", 1L), log.counts());
        assertEquals("share of [1] per level, smoothing 1.0, prior [0.5], out of fold on 6 training rows;"
                + " c: A [0.625] (n=3), B [0.1667] (n=2), C [0.75] (n=1)", fitted.summary());
    }

    @Test
    void trainingRowsAreEncodedOutOfFold() {
        // six folds of one row each: every row is encoded from the other five rows only
        Step.Fit fit = new TargetEncoder(CategoricalColumns.ALL, 6, 1, 42).fitTransform(targetRows());
        // row 0 (A): others A -> 1, 0; prior of the other five rows 2/5 -> (1 + 0.4) / 3
        // row 2 (A, y 0): others A -> 1, 1; prior 3/5 -> (2 + 0.6) / 3
        // row 3 (B): other B -> 0; prior 3/5 -> 0.6 / 2; row 5 (C): no other C -> the prior 2/5
        double[] expected = {1.4 / 3, 1.4 / 3, 2.6 / 3, 0.3, 0.3, 0.4};
        assertArrayEquals(expected, values(fit.train().features(), "c_te"), 1e-12);
        // new rows get all-rows statistics
        assertArrayEquals(new double[] {0.625}, values(fit.step().apply(oneColumn("A"), new ApplyLog()), "c_te"), 1e-12);
    }

    @Test
    void targetEncodingOfANumericTargetAndOfSeveralClasses() {
        Frame regression = new Frame(oneColumn("A", "A", "B"), Target.values("y", new double[] {10, 20, 60}));
        FittedTargetEncoder mean = new TargetEncoder(CategoricalColumns.ALL, 2, 0, 1)
                .fit(regression.features(), regression.target());
        assertArrayEquals(new double[] {15, 60}, values(mean.apply(oneColumn("A", "B"), new ApplyLog()), "c_te"));

        Frame three = new Frame(oneColumn("A", "A", "B", "B"), Target.labels("y", new String[] {"x", "y", "z", "z"}));
        FittedTargetEncoder shares = new TargetEncoder(CategoricalColumns.ALL, 2, 0, 1).fit(three.features(), three.target());
        Table out = shares.apply(oneColumn("A", "B"), new ApplyLog());
        assertEquals(List.of("c_te=x", "c_te=y", "c_te=z"), out.columnNames());
        assertArrayEquals(new double[] {0.5, 0}, values(out, "c_te=x"));
        assertArrayEquals(new double[] {0, 1}, values(out, "c_te=z"));
    }

    @Test
    void perColumnEncodingsFromConfig() {
        FeaturesConfig config = new FeaturesConfig("target", Map.of("Sex", "onehot"), 0, Map.of(),
                new FeaturesConfig.TargetEncoding(5, 10, 42), List.of(new DeriveColumns.Derived("F", "a + b")),
                Map.of("a", "log1p"), Map.of("b", 3), "quantile", new FeaturesConfig.Polynomial(2, List.of(), false),
                new FeaturesConfig.Dates(List.of("d"), List.of("year"), ""));
        List<String> names = FeatureSteps.from(config).steps().stream().map(Step::name).toList();
        assertEquals(List.of("dates", "derive", "transform", "bin", "polynomial", "onehot", "target_encode"), names);
        assertEquals(new OneHotEncoder(0, CategoricalColumns.only(List.of("Sex"))), FeatureSteps.from(config).steps().get(5));
        assertEquals(new TargetEncoder(CategoricalColumns.except(List.of("Sex")), 5, 10, 42),
                FeatureSteps.from(config).steps().get(6));
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2));
        assertEquals(List.of(), new FrequencyEncoder(CategoricalColumns.ALL).fit(t).columns());
    }
}
