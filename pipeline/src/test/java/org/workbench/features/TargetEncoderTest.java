package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.Step;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Target encoding: smoothing towards the prior, out-of-fold training rows, numeric and multi-class targets. */
class TargetEncoderTest {
    private static Table oneColumn(String... values) {
        return Table.create("p", StringColumn.create("c", values));
    }

    /** Six rows: A with y 1 1 0, B with 0 0, C with 1; prior 3/6. */
    private static Frame targetRows() {
        return new Frame(oneColumn("A", "A", "A", "B", "B", "C"),
                Target.labels("y", new String[] {"1", "1", "0", "0", "0", "1"}));
    }

    @Test
    void targetEncodingSmoothsTowardsThePrior() {
        TargetEncoder.Fitted fitted = new TargetEncoder(CategoricalColumns.ALL, 2, 1, 42)
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
        TargetEncoder.Fitted mean = new TargetEncoder(CategoricalColumns.ALL, 2, 0, 1)
                .fit(regression.features(), regression.target());
        assertArrayEquals(new double[] {15, 60}, values(mean.apply(oneColumn("A", "B"), new ApplyLog()), "c_te"));

        Frame three = new Frame(oneColumn("A", "A", "B", "B"), Target.labels("y", new String[] {"x", "y", "z", "z"}));
        TargetEncoder.Fitted shares = new TargetEncoder(CategoricalColumns.ALL, 2, 0, 1).fit(three.features(), three.target());
        Table out = shares.apply(oneColumn("A", "B"), new ApplyLog());
        assertEquals(List.of("c_te=x", "c_te=y", "c_te=z"), out.columnNames());
        assertArrayEquals(new double[] {0.5, 0}, values(out, "c_te=x"));
        assertArrayEquals(new double[] {0, 1}, values(out, "c_te=z"));
    }
}
