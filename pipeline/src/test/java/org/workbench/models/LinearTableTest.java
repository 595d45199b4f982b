package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.TableDataset;
import org.workbench.data.TableRows;
import org.workbench.data.Target;
import org.workbench.data.TribuoData;
import org.workbench.training.TestTables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The linear SGD models trained and scored from a table's columns give exactly what Tribuo's own
 * trainers and {@code predict} give on Tribuo examples of the same rows: the same weights bit for bit
 * (no tolerance), the same classes, probabilities and values.
 */
class LinearTableTest {
    private static final long SEED = 12345L;
    private static final int ROWS = 400;

    /**
     * Rows as a prepared table has them, columns in no name order: standardised numbers where every
     * seventh cell is the imputed median, a column with many exact zeros, a one-hot encoded category
     * (three columns, one of them 1 per row), a column that is always zero and every tenth row zero in
     * every column.
     */
    private static Table mixed(boolean withZeroColumn) {
        Random random = new Random(11);
        double[] size = new double[ROWS];
        double[] age = new double[ROWS];
        double[] sparse = new double[ROWS];
        double[][] hot = new double[3][ROWS];
        for (int row = 0; row < ROWS; row++) {
            if (row % 10 == 0) {
                continue;
            }
            size[row] = row % 7 == 0 ? 0.125 : random.nextGaussian();
            age[row] = row % 7 == 3 ? -0.5 : random.nextGaussian() * 2 + 1;
            sparse[row] = random.nextInt(4) == 0 ? random.nextDouble() * 10 : 0.0;
            hot[random.nextInt(3)][row] = 1.0;
        }
        Table t = Table.create("prepared", DoubleColumn.create("size", size), DoubleColumn.create("colour_red", hot[0]),
                DoubleColumn.create("age", age), DoubleColumn.create("colour_blue", hot[1]),
                DoubleColumn.create("sparse", sparse), DoubleColumn.create("colour_green", hot[2]));
        if (withZeroColumn) {
            t.addColumns(DoubleColumn.create("always_zero", new double[ROWS]));
        }
        return t;
    }

    /** Classes that depend on the cells, with some noise, first seen out of name order. */
    private static Target labels(Table t, String... classes) {
        Random random = new Random(5);
        String[] labels = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            double score = t.doubleColumn("size").getDouble(row) + 0.5 * t.doubleColumn("age").getDouble(row)
                    + t.doubleColumn("colour_red").getDouble(row) + random.nextGaussian() * 0.3;
            int c = (int) Math.floorMod(Math.round(score * 1.5), (long) classes.length);
            labels[row] = classes[c];
        }
        return Target.labels("y", labels);
    }

    static List<Arguments> cases() {
        Frame iris = TestTables.iris();
        Table mixed = mixed(true);
        List<Arguments> out = new ArrayList<>();
        for (LinearSgd.Objective loss : List.of(LinearSgd.Objective.LOG_MULTICLASS, LinearSgd.Objective.HINGE)) {
            for (int epochs : new int[] {1, 4}) {
                out.add(Arguments.of("iris", iris.features(), iris.target(), loss, epochs));
                out.add(Arguments.of("mixed, 4 classes", mixed, labels(mixed, "d", "b", "a", "c"), loss, epochs));
                out.add(Arguments.of("mixed, 2 classes", mixed, labels(mixed, "yes", "no"), loss, epochs));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, {3}, {4} epochs")
    @MethodSource("cases")
    void classifierWeightsAndPredictionsAreTribuos(String name, Table t, Target target, LinearSgd.Objective loss, int epochs) {
        double rate = 0.1;
        Dataset<Label> examples = TribuoData.classification(t, target);
        TableDataset<Label> columns = TableDataset.classification(t, target);
        LinearSGDModel expected = tribuo(loss, rate, epochs, 1).train(examples);
        LinearClassifier trainer = new LinearClassifier(loss, rate, epochs, 1, SEED);
        assertTrue(trainer.readsTable());
        LinearSGDModel actual = trainer.train(columns);

        assertEquals(expected.getFeatureIDMap(), actual.getFeatureIDMap());
        assertEquals(expected.getOutputIDInfo().getDomain(), actual.getOutputIDInfo().getDomain());
        assertWeightsEqual(weights(expected), weights(actual));
        assertEquals(loss == LinearSgd.Objective.LOG_MULTICLASS, actual.generatesProbabilities());
        assertEquals(LinearClassifier.class.getName(), actual.getProvenance().getTrainerProvenance().getClassName());

        // the sparse examples the pipeline gave Tribuo before: the same weights, and none for a feature
        // that is zero in every row (such a feature's weight never moves)
        LinearSGDModel sparse = tribuo(loss, rate, epochs, 1).train(TribuoData.classification(t, target, true));
        ImmutableFeatureMap features = actual.getFeatureIDMap();
        double[][] all = weights(actual);
        double[][] fewer = weights(sparse);
        for (int c = 0; c < all.length; c++) {
            for (int id = 0; id < features.size(); id++) {
                int sparseId = sparse.getFeatureIDMap().getID(features.get(id).getName());
                double weight = sparseId < 0 ? 0.0 : fewer[c][sparseId];
                assertEquals(Double.doubleToLongBits(weight), Double.doubleToLongBits(all[c][id]), name + " class " + c);
            }
            assertEquals(fewer[c][fewer[c].length - 1], all[c][all[c].length - 1], "bias");
        }

        List<String> classes = target.classes();
        Predictions direct = LinearScores.of(actual).classify(TableRows.of(t, names(actual)), classes);
        List<Prediction<Label>> tribuo = expected.predict(TribuoData.examples(t, TribuoData.unknownLabel()));
        for (int row = 0; row < t.rowCount(); row++) {
            Prediction<Label> p = tribuo.get(row);
            assertEquals(p.getOutput().getLabel(), direct.labels()[row], "row " + row);
            if (actual.generatesProbabilities()) {
                for (int c = 0; c < classes.size(); c++) {
                    assertEquals(p.getOutputScores().get(classes.get(c)).getScore(), direct.probabilities()[row][c], "row " + row);
                }
            }
        }
        if (!actual.generatesProbabilities()) {
            assertNull(direct.probabilities());
        }
    }

    @Test
    void aTrainerUsedAgainContinuesItsGeneratorAsTribuosDoes() {
        Table t = mixed(false);
        Target target = labels(t, "a", "b", "c");
        LinearSGDTrainer tribuo = tribuo(LinearSgd.Objective.LOG_MULTICLASS, 0.2, 2, 1);
        LinearClassifier ours = new LinearClassifier(LinearSgd.Objective.LOG_MULTICLASS, 0.2, 2, 1, SEED);
        Dataset<Label> examples = TribuoData.classification(t, target);
        TableDataset<Label> columns = TableDataset.classification(t, target);
        double[][] first = weights(tribuo.train(examples));
        assertWeightsEqual(first, weights(ours.train(columns)));
        double[][] second = weights(tribuo.train(examples));
        assertWeightsEqual(second, weights(ours.train(columns)));
        assertFalse(java.util.Arrays.deepEquals(first, second), "a second fit shuffles differently");
        assertEquals(2, ours.getInvocationCount());
        // an explicit invocation count replays the generator: 0 is the first fit again
        assertWeightsEqual(first, weights(ours.train(columns, Map.of(), 0)));
        assertEquals(1, ours.getInvocationCount());
    }

    @Test
    void minibatchesTrainThroughTribuo() {
        Frame iris = TestTables.iris();
        LinearClassifier trainer = new LinearClassifier(LinearSgd.Objective.LOG_MULTICLASS, 0.1, 2, 8, SEED);
        assertFalse(trainer.readsTable());
        Dataset<Label> examples = TribuoData.classification(iris.features(), iris.target(), true);
        assertWeightsEqual(weights(tribuo(LinearSgd.Objective.LOG_MULTICLASS, 0.1, 2, 8).train(examples)),
                weights(trainer.train(examples)));
    }

    @ParameterizedTest(name = "{0} epochs")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 5})
    void regressionWeightsAndPredictionsAreTribuos(int epochs) {
        List<Arguments> tables = new ArrayList<>();
        Frame mpg = TestTables.autoMpg();
        tables.add(Arguments.of(TestTables.standardised(mpg.features()), mpg.target()));
        Table t = mixed(true);
        double[] values = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
            values[row] = 20 + 3 * t.doubleColumn("size").getDouble(row) - 4 * t.doubleColumn("colour_blue").getDouble(row)
                    + t.doubleColumn("sparse").getDouble(row);
        }
        tables.add(Arguments.of(t, Target.values("price", values)));
        for (Arguments table : tables) {
            Table features = (Table) table.get()[0];
            Target target = (Target) table.get()[1];
            double rate = 0.05 * 20;
            Dataset<Regressor> examples = TribuoData.regression(features, target);
            var expected = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), new AdaGrad(rate),
                    epochs, -1, 1, SEED).train(examples);
            var actual = new LinearRegressor(rate, epochs, 1, SEED).train(TableDataset.regression(features, target));
            assertEquals(expected.getFeatureIDMap(), actual.getFeatureIDMap());
            assertWeightsEqual(weights(expected), weights(actual));

            Predictions direct = LinearScores.of(actual).regress(TableRows.of(features, names(actual)));
            List<Prediction<Regressor>> tribuo = expected.predict(TribuoData.examples(features, TribuoData.unknownRegressor()));
            for (int row = 0; row < features.rowCount(); row++) {
                assertEquals(tribuo.get(row).getOutput().getValues()[0], direct.values()[row], "row " + row);
            }
        }
    }

    private static LinearSGDTrainer tribuo(LinearSgd.Objective loss, double rate, int epochs, int minibatch) {
        LabelObjective objective = loss == LinearSgd.Objective.HINGE ? new Hinge() : new LogMulticlass();
        return new LinearSGDTrainer(objective, new AdaGrad(rate), epochs, -1, minibatch, SEED);
    }

    private static double[][] weights(AbstractLinearSGDModel<?> model) {
        return LinearScores.weights(model);
    }

    private static void assertWeightsEqual(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "output " + i);
        }
    }

    private static List<String> names(org.tribuo.Model<?> model) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
            out.add(model.getFeatureIDMap().get(id).getName());
        }
        return out;
    }
}
