package org.workbench.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;

/** Models small enough to work out by hand: x = 1, 2, 3, 4 and y = 2x. */
class HandComputedModelsTest {
    private static final Table X = Table.create("x", DoubleColumn.create("x", 1, 2, 3, 4));
    private static final Target Y = Target.values("y", new double[] {2, 4, 6, 8});

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static double[] fitPredict(String model, ObjectNode params) {
        TrainedModel m = TrainedModel.train(ModelCatalog.spec(model, Task.REGRESSION), params, 1L, X, Y);
        double[] direct = m.predict(X).values();
        // the saved model predicts the same numbers
        assertArrayEquals(direct, TrainedModel.fromBytes(m.toBytes(), Task.REGRESSION).predict(X).values(), 0.0, model);
        return direct;
    }

    @Test
    void leastSquaresRecoversAnExactLine() {
        assertArrayEquals(new double[] {2, 4, 6, 8}, fitPredict("least_squares", params()), 1e-9);
    }

    @Test
    void ridgeShrinksTheSlopeAsScikitLearnDoes() {
        // centred x = -1.5 -0.5 0.5 1.5 (sum of squares 5), centred y = 2x (sum of x*y 10);
        // slope = 10 / (5 + alpha) = 1 for alpha 5; intercept = mean y - slope * mean x = 5 - 2.5
        assertArrayEquals(new double[] {3.5, 4.5, 5.5, 6.5}, fitPredict("ridge", params().put("alpha", 5.0)), 1e-6);
    }

    @Test
    void lassoSoftThresholdsTheSlope() {
        // slope = max(|mean x*y| - alpha, 0) / mean x^2 = (2.5 - 1) / 1.25 = 1.2 on centred data
        assertArrayEquals(new double[] {3.2, 4.4, 5.6, 6.8}, fitPredict("lasso", params().put("alpha", 1.0)), 1e-6);
        // a penalty above 2.5 zeroes the slope: every prediction is the mean
        assertArrayEquals(new double[] {5, 5, 5, 5}, fitPredict("lasso", params().put("alpha", 3.0)), 1e-9);
        // half of alpha 2 as L1 (1) and half as L2 (1): (2.5 - 1) / (1.25 + 1) = 2/3
        double slope = 1.5 / 2.25;
        assertArrayEquals(new double[] {5 - 1.5 * slope, 5 - 0.5 * slope, 5 + 0.5 * slope, 5 + 1.5 * slope},
                fitPredict("elastic_net", params().put("alpha", 2.0).put("l1_ratio", 0.5)), 1e-6);
    }

    @Test
    void knnRegressionAveragesTheNeighbours() {
        // k = 3: row x=1 has neighbours 1, 2, 3 -> mean y (2 + 4 + 6) / 3 = 4; x=4 has 2, 3, 4 -> 6
        double[] p = fitPredict("knn", params().put("k", 3).put("threads", 1));
        assertEquals(4.0, p[0], 1e-12);
        assertEquals(6.0, p[3], 1e-12);
        // k = 4 is every row: the mean, 5, everywhere
        assertArrayEquals(new double[] {5, 5, 5, 5}, fitPredict("knn", params().put("k", 4)), 1e-12);
    }

    @Test
    void knnClassificationVotes() {
        Target labels = Target.labels("c", new String[] {"a", "a", "b", "b"});
        TrainedModel m = TrainedModel.train(ModelCatalog.spec("knn", Task.CLASSIFICATION), params().put("k", 3), 1L, X, labels);
        Predictions p = m.predict(Table.create("q", DoubleColumn.create("x", 1.2)));
        // neighbours of 1.2 are 1, 2 (a, a) and 3 (b): a wins two votes to one
        assertEquals("a", p.labels()[0]);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, p.probabilities()[0], 1e-9);
    }

    @Test
    void naiveBayesRefusesNegativeFeaturesAndClipsThemWhenPredicting() {
        Target labels = Target.labels("c", new String[] {"a", "a", "b", "b"});
        Table negative = Table.create("x", DoubleColumn.create("x", -1, 2, 3, 4));
        InputException e = assertThrows(InputException.class, () -> TrainedModel.train(
                ModelCatalog.spec("naive_bayes", Task.CLASSIFICATION), params(), 1L, negative, labels));
        assertEquals("train.model: naive_bayes needs features >= 0, but 'x' has -1.0 after preprocessing;"
                + " set preprocess.scale: minmax", e.getMessage());
        TrainedModel m = TrainedModel.train(ModelCatalog.spec("naive_bayes", Task.CLASSIFICATION), params(), 1L, X, labels);
        Predictions p = m.predict(Table.create("q", DoubleColumn.create("x", -0.5, 0.0)));
        assertArrayEquals(p.probabilities()[1], p.probabilities()[0], 0.0);
    }

    @Test
    void badChoicesAndRangesNameTheParameter() {
        ConfigException kernel = assertThrows(ConfigException.class, () -> ModelCatalog.spec("svm", Task.CLASSIFICATION)
                .trainer(params().put("kernel", "gaussian"), 1L));
        assertEquals("train.params.kernel: 'gaussian' is not one of [rbf, linear, poly, sigmoid]", kernel.getMessage());
        ConfigException ratio = assertThrows(ConfigException.class, () -> ModelCatalog.spec("elastic_net", Task.REGRESSION)
                .trainer(params().put("l1_ratio", 0.0), 1L));
        assertEquals("train.params.l1_ratio: expected a fraction 0 < x <= 1 (for no L1 at all use model ridge), got 0.0",
                ratio.getMessage());
        ConfigException criterion = assertThrows(ConfigException.class, () -> ModelCatalog.spec("decision_tree",
                Task.REGRESSION).trainer(params().put("criterion", "gini"), 1L));
        assertEquals("train.params.criterion: 'gini' is not one of [mse, mae]", criterion.getMessage());
        ConfigException threads = assertThrows(ConfigException.class, () -> ModelCatalog.spec("xgboost",
                Task.REGRESSION).trainer(params().put("threads", -1), 1L));
        assertEquals("train.params.threads: expected 0 (auto) or more, got -1", threads.getMessage());
    }

    @Test
    void threadsDefaultToEveryProcessorForLargeTables() {
        ModelSpec xgb = ModelCatalog.spec("xgboost", Task.CLASSIFICATION);
        String large = xgb.trainer(params(), 1L, new ModelSpec.Shape(10_000, 5, 1.0)).toString();
        assertTrue(large.contains("nthread=" + Runtime.getRuntime().availableProcessors()), large);
        String small = xgb.trainer(params(), 1L, new ModelSpec.Shape(9_999, 5, 1.0)).toString();
        assertTrue(small.contains("nthread=1"), small);
        String given = xgb.trainer(params().put("threads", 3), 1L, new ModelSpec.Shape(100, 5, 1.0)).toString();
        assertTrue(given.contains("nthread=3"), given);
    }
}
