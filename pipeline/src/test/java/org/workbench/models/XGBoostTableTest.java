package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.workbench.data.Predictions;
import org.workbench.data.TableDataset;
import org.workbench.data.TableRows;
import org.workbench.data.Target;
import org.workbench.data.TribuoData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * XGBoost trained and scored from a table's columns gives what it gives from Tribuo's examples of
 * the same rows: the same feature map (ids and statistics), output info, boosters and predictions.
 */
class XGBoostTableTest {
    private static final int ROWS = 300;

    /**
     * Columns in no name order: one with more than 50 distinct values spread over decades (Tribuo then
     * turns its statistics from counts into a running mean), two one-hot ones, one always zero, and
     * every fifth row zero in every column.
     */
    private static Table table() {
        Random random = new Random(3);
        double[] wide = new double[ROWS];
        double[] hot = new double[ROWS];
        double[] cold = new double[ROWS];
        double[] zero = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
            if (row % 5 == 0) {
                continue;
            }
            wide[row] = row % 7 == 0 ? 0.0 : Math.exp(random.nextGaussian() * 3);
            hot[row] = random.nextBoolean() ? 1.0 : 0.0;
            cold[row] = 1.0 - hot[row];
        }
        return Table.create("prepared", DoubleColumn.create("wide", wide), DoubleColumn.create("hot", hot),
                DoubleColumn.create("zero", zero), DoubleColumn.create("cold", cold));
    }

    /** Labels first seen out of name order, depending on the cells so the trees have something to learn. */
    private static Target labels(Table t, String... classes) {
        String[] labels = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            double score = t.doubleColumn("wide").getDouble(row) + 2 * t.doubleColumn("hot").getDouble(row);
            labels[row] = classes[(int) Math.floorMod(Math.round(score), (long) classes.length)];
        }
        return Target.labels("y", labels);
    }

    private static XGBoostClassifier classifier() {
        return new XGBoostClassifier(BoosterType.GBTREE, TreeMethod.HIST, 8, 0.3, 0, 4, 1, 1, 1, 1, 0, 1,
                LoggingVerbosity.SILENT, 7L);
    }

    @Test
    void severalClassesTrainAndPredictAsFromExamples() throws XGBoostError {
        sameClassifier(labels(table(), "c", "a", "b"));
    }

    @Test
    void twoClassesTrainAndPredictAsFromExamples() throws XGBoostError {
        sameClassifier(labels(table(), "yes", "no"));
    }

    private static void sameClassifier(Target target) throws XGBoostError {
        Table t = table();
        Dataset<Label> examples = TribuoData.classification(t, target);
        TableDataset<Label> columns = TableDataset.classification(t, target);
        sameDomains(examples, columns);

        XGBoostModel<Label> fromExamples = classifier().train(examples);
        XGBoostModel<Label> fromColumns = classifier().train(columns);
        assertArrayEquals(fromExamples.getInnerModels().get(0).toByteArray(), fromColumns.getInnerModels().get(0).toByteArray());
        assertEquals(fromExamples.getFeatureIDMap(), fromColumns.getFeatureIDMap());

        List<String> classes = target.classes();
        Predictions direct = XGBoostMatrix.classify(fromColumns, TableRows.of(t, names(fromColumns)), classes);
        List<Prediction<Label>> tribuo = fromExamples.predict(TribuoData.examples(t, TribuoData.unknownLabel()));
        for (int row = 0; row < ROWS; row++) {
            Prediction<Label> p = tribuo.get(row);
            assertEquals(p.getOutput().getLabel(), direct.labels()[row], "row " + row);
            for (int c = 0; c < classes.size(); c++) {
                assertEquals(p.getOutputScores().get(classes.get(c)).getScore(), direct.probabilities()[row][c], "row " + row);
            }
        }
    }

    @Test
    void regressionTrainsAndPredictsAsTribuosOwnTrainerOnExamples() throws XGBoostError {
        Table t = table();
        double[] values = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
            values[row] = 10 + 3 * t.doubleColumn("wide").getDouble(row) - 4 * t.doubleColumn("cold").getDouble(row);
        }
        Target target = Target.values("price", values);
        Dataset<Regressor> examples = TribuoData.regression(t, target);
        TableDataset<Regressor> columns = TableDataset.regression(t, target);
        sameDomains(examples, columns);

        XGBoostModel<Regressor> fromExamples = new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                XGBoostRegressionTrainer.RegressionType.LINEAR, 8, 0.3, 0, 4, 1, 1, 1, 1, 0, 1, LoggingVerbosity.SILENT, 7L)
                .train(examples, java.util.Map.of());
        XGBoostModel<Regressor> fromColumns = new XGBoostRegressor(BoosterType.GBTREE, TreeMethod.HIST, 8, 0.3, 0, 4, 1, 1,
                1, 1, 0, 1, LoggingVerbosity.SILENT, 7L).train(columns);
        assertArrayEquals(fromExamples.getInnerModels().get(0).toByteArray(), fromColumns.getInnerModels().get(0).toByteArray());

        Predictions direct = XGBoostMatrix.regress(fromColumns, TableRows.of(t, names(fromColumns)));
        List<Prediction<Regressor>> tribuo = fromExamples.predict(TribuoData.examples(t, TribuoData.unknownRegressor()));
        for (int row = 0; row < ROWS; row++) {
            assertEquals(tribuo.get(row).getOutput().getValues()[0], direct.values()[row], "row " + row);
        }
    }

    /** Feature ids and statistics, output ids and counts, and what the provenance counts. */
    private static <T extends org.tribuo.Output<T>> void sameDomains(Dataset<T> examples, TableDataset<T> columns) {
        ImmutableFeatureMap expected = examples.getFeatureIDMap();
        ImmutableFeatureMap actual = columns.getFeatureIDMap();
        // each feature's id and statistics, compared exactly (observed in another order, the running
        // mean of 'wide' differs in its last bits)
        assertEquals(expected, actual);
        assertEquals(4, actual.size());
        ImmutableOutputInfo<T> expectedOutputs = examples.getOutputIDInfo();
        ImmutableOutputInfo<T> actualOutputs = columns.getOutputIDInfo();
        assertEquals(expectedOutputs.size(), actualOutputs.size());
        for (int id = 0; id < expectedOutputs.size(); id++) {
            assertEquals(expectedOutputs.getOutput(id), actualOutputs.getOutput(id));
        }
        assertEquals(counts(expectedOutputs), counts(actualOutputs));
        assertEquals(expectedOutputs.toReadableString(), actualOutputs.toReadableString());

        DatasetProvenance provenance = columns.getProvenance();
        assertEquals(ROWS, provenance.getNumExamples());
        assertEquals(4, provenance.getNumFeatures());
        assertTrue(provenance.isDense());
        assertEquals(examples.getProvenance().getNumOutputs(), provenance.getNumOutputs());
    }

    private static List<String> counts(ImmutableOutputInfo<?> info) {
        List<String> out = new ArrayList<>();
        info.outputCountsIterable().forEach(p -> out.add(p.getA() + "=" + p.getB()));
        return out;
    }

    private static List<String> names(XGBoostModel<?> model) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
            out.add(model.getFeatureIDMap().get(id).getName());
        }
        return out;
    }
}
