package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;
import org.workbench.core.InputException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TribuoDataTest {

    private static Table twoRows() {
        return Table.create("f",
                DoubleColumn.create("b", new double[] {1.5, 0.0}),
                DoubleColumn.create("a", new double[] {-2.0, 3.25}));
    }

    private static List<String> names(Example<?> e) {
        List<String> out = new ArrayList<>();
        for (Feature f : e) {
            out.add(f.getName() + "=" + f.getValue());
        }
        return out;
    }

    @Test
    void classificationKeepsValuesZerosAndLabelCase() {
        MutableDataset<Label> data = TribuoData.classification(twoRows(), Target.labels("y", new String[] {"yes", "No"}));
        assertEquals(2, data.size());
        // Tribuo sorts features by name; the explicit zero stays (XGBoost would read an absent one as missing)
        assertEquals(List.of("a=-2.0", "b=1.5"), names(data.getExample(0)));
        assertEquals(List.of("a=3.25", "b=0.0"), names(data.getExample(1)));
        assertEquals("yes", data.getExample(0).getOutput().getLabel());
        assertEquals("No", data.getExample(1).getOutput().getLabel());
        assertEquals(2, data.getFeatureMap().size());
    }

    @Test
    void sparseLeavesZeroCellsOutButKeepsEveryCellOfAnAllZeroRow() {
        Table t = Table.create("f",
                DoubleColumn.create("b", new double[] {1.5, 0.0, 0.0}),
                DoubleColumn.create("a", new double[] {0.0, 3.25, 0.0}));
        MutableDataset<Label> data = TribuoData.classification(t, Target.labels("y", new String[] {"p", "q", "p"}), true);
        assertEquals(List.of("b=1.5"), names(data.getExample(0)));
        assertEquals(List.of("a=3.25"), names(data.getExample(1)));
        assertEquals(List.of("a=0.0", "b=0.0"), names(data.getExample(2)));
        List<Example<Label>> rows = TribuoData.examples(t, List.of("a", "b"), TribuoData.unknownLabel(), true);
        assertEquals(List.of("b=1.5"), names(rows.get(0)));
    }

    @Test
    void aLinearSgdModelIsTheSameTrainedOnSparseOrDenseExamples() {
        Random random = new Random(7);
        int n = 300;
        double[] x = new double[n];
        double[][] onehot = new double[5][n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            onehot[random.nextInt(5)][i] = 1.0;
            y[i] = x[i] + (onehot[0][i] - onehot[3][i]) + random.nextGaussian() > 0 ? "yes" : "no";
        }
        Table t = Table.create("f", DoubleColumn.create("x", x));
        for (int j = 0; j < 5; j++) {
            t.addColumns(DoubleColumn.create("c=" + j, onehot[j]));
        }
        Target target = Target.labels("y", y);
        var trainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                new org.tribuo.classification.sgd.objectives.LogMulticlass(), new org.tribuo.math.optimisers.AdaGrad(0.1), 5, -1, 1, 42L);
        var dense = trainer.train(TribuoData.classification(t, target, false), java.util.Map.of(), 0);
        var sparse = trainer.train(TribuoData.classification(t, target, true), java.util.Map.of(), 0);
        List<Example<Label>> rows = TribuoData.examples(t, t.columnNames(), TribuoData.unknownLabel(), true);
        List<Example<Label>> denseRows = TribuoData.examples(t, t.columnNames(), TribuoData.unknownLabel(), false);
        for (int i = 0; i < n; i++) {
            // bit for bit: a zero feature adds nothing to a dot product or an AdaGrad step
            assertEquals(dense.predict(denseRows.get(i)).getOutputScores().get("yes").getScore(),
                    sparse.predict(rows.get(i)).getOutputScores().get("yes").getScore());
        }
    }

    @Test
    void regressionOutputIsNamedAfterTheTarget() {
        MutableDataset<Regressor> data = TribuoData.regression(twoRows(), Target.values("price", new double[] {10.0, 20.5}));
        Regressor second = data.getExample(1).getOutput();
        assertEquals(List.of("price"), List.of(second.getNames()));
        assertEquals(20.5, second.getValues()[0]);
    }

    @Test
    void predictionExamplesFollowTheRequestedNames() {
        List<Example<Label>> examples = TribuoData.examples(twoRows(), List.of("a"), TribuoData.unknownLabel());
        assertEquals(2, examples.size());
        assertEquals(List.of("a=3.25"), names(examples.get(1)));
        assertEquals(TribuoData.unknownLabel(), examples.get(0).getOutput());
    }

    @Test
    void missingValuesAreRefusedWithAHint() {
        Table t = Table.create("f",
                DoubleColumn.create("age", new double[] {1, Double.NaN, 3, Double.NaN}),
                DoubleColumn.create("fare", new double[] {1, 2, 3, 4}));
        Target y = Target.labels("y", new String[] {"a", "b", "a", "b"});
        InputException e = assertThrows(InputException.class, () -> TribuoData.classification(t, y));
        assertEquals("feature 'age' has 2 missing values after preprocessing; configure preprocess.impute", e.getMessage());
        InputException p = assertThrows(InputException.class, () -> TribuoData.examples(t, TribuoData.unknownRegressor()));
        assertEquals(e.getMessage(), p.getMessage());
    }

    @Test
    void textColumnsAndBadTargetsAreRefused() {
        Table t = Table.create("f", StringColumn.create("sex", new String[] {"m", "f"}));
        InputException text = assertThrows(InputException.class,
                () -> TribuoData.regression(t, Target.values("y", new double[] {1, 2})));
        assertEquals("feature 'sex' is text; categorical columns must be encoded to numbers before training (features.encode)",
                text.getMessage());
        InputException target = assertThrows(InputException.class,
                () -> TribuoData.regression(twoRows(), Target.values("y", new double[] {1, Double.NaN})));
        assertEquals("target 'y' is missing in row 2 of the training rows; set problem.missing_target: drop", target.getMessage());
        InputException label = assertThrows(InputException.class,
                () -> TribuoData.classification(twoRows(), Target.labels("y", new String[] {"", "x"})));
        assertEquals("target 'y' is missing in row 1 of the training rows; set problem.missing_target: drop", label.getMessage());
        InputException none = assertThrows(InputException.class,
                () -> TribuoData.classification(Table.create("empty"), Target.labels("y", new String[0])));
        assertEquals("no feature columns are left to train on; check preprocess.drop and select", none.getMessage());
    }

    @Test
    void hundredThousandRowsConvertCompletely() {
        // speed is measured by scripts/bench-training, never asserted here: a busy machine must still pass
        int rows = 100_000;
        Random random = new Random(7);
        Table t = Table.create("big");
        for (int j = 0; j < 40; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = random.nextGaussian();
            }
            t.addColumns(DoubleColumn.create("x" + j, v));
        }
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 3 == 0 ? "yes" : "no";
        }
        MutableDataset<Label> data = TribuoData.classification(t, Target.labels("y", labels));
        assertEquals(rows, data.size());
        assertEquals(40, data.getFeatureMap().size());
        assertEquals(2, data.getOutputInfo().size());
    }
}
