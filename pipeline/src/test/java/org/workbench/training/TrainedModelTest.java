package org.workbench.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import tech.tablesaw.api.Table;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;

class TrainedModelTest {
    private static final JsonNode DEFAULTS = JsonNodeFactory.instance.objectNode();
    private static final Frame IRIS = TestTables.iris();
    private static final Frame AUTO = TestTables.autoMpg();
    private static final Frame AUTO_SCALED = AUTO.withFeatures(TestTables.standardised(AUTO.features()));

    private static TrainedModel fit(String model, Task task, Frame frame) {
        return TrainedModel.train(ModelCatalog.spec(model, task), DEFAULTS, 42L, frame.features(), frame.target());
    }

    private static double accuracy(Predictions p, Target t) {
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            right += p.labels()[i].equals(t.labels()[i]) ? 1 : 0;
        }
        return right / (double) p.size();
    }

    private static double rmse(Predictions p, Target t) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = p.values()[i] - t.values()[i];
            sum += d * d;
        }
        return Math.sqrt(sum / p.size());
    }

    @Test
    void everyClassifierLearnsIris() {
        Map<String, Double> accuracy = new TreeMap<>();
        List<String> withProbabilities = new java.util.ArrayList<>();
        for (ModelSpec spec : ModelCatalog.forTask(Task.CLASSIFICATION)) {
            TrainedModel model = fit(spec.name(), Task.CLASSIFICATION, IRIS);
            Predictions p = model.predict(IRIS.features());
            assertEquals(150, p.size());
            assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), p.classes());
            accuracy.put(spec.name(), accuracy(p, IRIS.target()));
            if (p.hasProbabilities()) {
                withProbabilities.add(spec.name());
            }
            assertTrue(model.trainMillis() >= 0);
        }
        // 50 rows of each class: always answering one class is right exactly a third of the time
        assertEquals(1.0 / 3.0, accuracy.get("baseline"), 1e-12);
        for (String name : List.of("logistic_regression", "svm", "xgboost", "decision_tree", "random_forest", "extra_trees",
                "knn")) {
            assertTrue(accuracy.get(name) >= 0.9, name + " training accuracy " + accuracy.get(name));
        }
        assertTrue(accuracy.get("linear_svm") >= 0.7, "linear_svm training accuracy " + accuracy.get("linear_svm"));
        // counts-based naive Bayes on raw lengths still separates the species well
        assertTrue(accuracy.get("naive_bayes") >= 0.9, "naive_bayes training accuracy " + accuracy.get("naive_bayes"));
        assertEquals(List.of("logistic_regression", "svm", "decision_tree", "random_forest", "extra_trees", "knn",
                "naive_bayes", "xgboost"), withProbabilities);
    }

    @Test
    void everyRegressorBeatsTheMeanOnAutoMpg() {
        Predictions baseline = fit("baseline", Task.REGRESSION, AUTO_SCALED).predict(AUTO_SCALED.features());
        double mean = Arrays.stream(AUTO.target().values()).average().orElseThrow();
        assertEquals(392, baseline.size());
        assertEquals(23.445918, mean, 1e-6);
        for (double v : baseline.values()) {
            assertEquals(mean, v, 1e-9);
        }
        double baselineRmse = rmse(baseline, AUTO.target());
        assertEquals(7.795, baselineRmse, 0.001); // population standard deviation of mpg
        for (String name : List.of("linear_regression", "least_squares", "ridge", "lasso", "elastic_net", "decision_tree",
                "random_forest", "knn", "xgboost")) {
            double rmse = rmse(fit(name, Task.REGRESSION, AUTO_SCALED).predict(AUTO_SCALED.features()), AUTO.target());
            assertTrue(rmse < 0.6 * baselineRmse, name + " RMSE " + rmse + " vs baseline " + baselineRmse);
        }
    }

    @Test
    void probabilityRowsSumToOneInSortedClassOrder() {
        TrainedModel model = fit("logistic_regression", Task.CLASSIFICATION, IRIS);
        Predictions p = model.predict(IRIS.features());
        assertTrue(p.hasProbabilities());
        for (int i = 0; i < p.size(); i++) {
            double[] row = p.probabilities()[i];
            assertEquals(3, row.length);
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-9);
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = row[c] > row[best] ? c : best;
            }
            // the predicted label is the column with the highest probability
            assertEquals(p.classes().get(best), p.labels()[i]);
        }
        // row 0 is a setosa flower, which every sensible model is sure about
        assertTrue(p.probabilities()[0][0] > 0.9);
    }

    @Test
    void xgboostProbabilitiesAlsoSumToOne() {
        Predictions p = fit("xgboost", Task.CLASSIFICATION, IRIS).predict(IRIS.features());
        for (double[] row : p.probabilities()) {
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-6);
        }
    }

    @Test
    void twoClassXgboostGrowsOneTreePerRoundAndKeepsBothClassesProbabilities() {
        int[] lastHundred = java.util.stream.IntStream.range(50, 150).toArray(); // versicolor and virginica
        Frame two = IRIS.subset(lastHundred);
        var params = JsonNodeFactory.instance.objectNode().put("trees", 7);
        TrainedModel model = TrainedModel.train(ModelCatalog.spec("xgboost", Task.CLASSIFICATION), params, 1L,
                two.features(), two.target());
        var boosters = ((org.tribuo.common.xgboost.XGBoostModel<?>) model.tribuoModel()).getInnerModels();
        assertEquals(7, assertDoesNotThrow(() -> boosters.get(0).getModelDump("", false)).length,
                "binary:logistic grows one tree per round (multi:softprob would grow two)");
        Predictions p = model.predict(two.features());
        assertEquals(List.of("Iris-versicolor", "Iris-virginica"), p.classes());
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            double[] row = p.probabilities()[i];
            assertEquals(1.0, row[0] + row[1], 1e-9);
            assertEquals(p.classes().get(row[1] > row[0] ? 1 : 0), p.labels()[i]);
            right += p.labels()[i].equals(two.target().labels()[i]) ? 1 : 0;
        }
        assertTrue(right >= 95, right + " of 100 training rows right");
        TrainedModel back = TrainedModel.fromBytes(model.toBytes(), Task.CLASSIFICATION);
        assertTrue(Arrays.deepEquals(p.probabilities(), back.predict(two.features()).probabilities()));
    }

    @Test
    void treesGiveLeafClassFractionsAsProbabilities() {
        Predictions p = fit("decision_tree", Task.CLASSIFICATION, IRIS).predict(IRIS.features());
        assertTrue(p.hasProbabilities());
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, p.probabilities()[0]);
        for (double[] row : p.probabilities()) {
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-9);
        }
    }

    @Test
    void linearRegressionReachesATargetInTheHundredThousands() {
        // y = 200000 + 50000 x1 - 30000 x2 on standardised-looking inputs: AdaGrad alone would stall near 0
        int n = 500;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextGaussian();
            y[i] = 200_000 + 50_000 * x1[i] - 30_000 * x2[i];
        }
        Table features = Table.create("f", tech.tablesaw.api.DoubleColumn.create("x1", x1),
                tech.tablesaw.api.DoubleColumn.create("x2", x2));
        Frame frame = new Frame(features, Target.values("price", y));
        double rmse = rmse(fit("linear_regression", Task.REGRESSION, frame).predict(features), frame.target());
        assertTrue(rmse < 1_000, "RMSE " + rmse); // the target's standard deviation is about 58000
        assertEquals(5.0, TrainedModel.rootMeanSquare(new double[] {1, Double.NaN, -7}), 1e-12);
        assertEquals(1.0, TrainedModel.rootMeanSquare(new double[] {0, 0}));
    }

    @Test
    void linearSvmGivesNoProbabilities() {
        Predictions p = fit("linear_svm", Task.CLASSIFICATION, IRIS).predict(IRIS.features());
        assertNull(p.probabilities());
        assertEquals(150, p.labels().length);
    }

    @Test
    void labelsKeepTheirCase() {
        String[] yesNo = Arrays.stream(IRIS.target().labels()).map(s -> s.equals("Iris-setosa") ? "yes" : "no")
                .toArray(String[]::new);
        Frame binary = new Frame(IRIS.features(), Target.labels("setosa", yesNo));
        TrainedModel model = fit("logistic_regression", Task.CLASSIFICATION, binary);
        assertEquals(List.of("no", "yes"), model.classes());
        Predictions p = model.predict(binary.features());
        assertEquals("yes", p.labels()[0]);
        assertEquals("no", p.labels()[149]);
        assertEquals(1.0, accuracy(p, binary.target()), 1e-12);
    }

    @Test
    void sameSeedGivesBitIdenticalPredictions() {
        for (String name : List.of("logistic_regression", "xgboost", "random_forest")) {
            double[][] a = fit(name, Task.CLASSIFICATION, IRIS).predict(IRIS.features()).probabilities();
            double[][] b = fit(name, Task.CLASSIFICATION, IRIS).predict(IRIS.features()).probabilities();
            assertTrue(Arrays.deepEquals(a, b), name);
        }
        for (String name : List.of("linear_regression", "xgboost")) {
            double[] a = fit(name, Task.REGRESSION, AUTO_SCALED).predict(AUTO_SCALED.features()).values();
            double[] b = fit(name, Task.REGRESSION, AUTO_SCALED).predict(AUTO_SCALED.features()).values();
            assertArrayEquals(a, b, name);
        }
    }

    @Test
    void protobufRoundTripPredictsTheSame() {
        for (ModelSpec spec : ModelCatalog.all()) {
            Frame frame = spec.task() == Task.CLASSIFICATION ? IRIS : AUTO_SCALED;
            TrainedModel model = fit(spec.name(), spec.task(), frame);
            TrainedModel back = TrainedModel.fromBytes(model.toBytes(), spec.task());
            Predictions before = model.predict(frame.features());
            Predictions after = back.predict(frame.features());
            String what = spec.task().label() + " " + spec.name();
            assertEquals(model.featureNames(), back.featureNames(), what);
            assertEquals(-1, back.trainMillis());
            if (spec.task() != Task.REGRESSION) {
                assertArrayEquals(before.labels(), after.labels(), what);
                assertTrue(Arrays.deepEquals(before.probabilities(), after.probabilities()), what);
                assertEquals(before.classes(), after.classes(), what);
            } else {
                assertArrayEquals(before.values(), after.values(), what);
            }
        }
    }

    @Test
    void readingBackChecksTheBytesAndTheTask() {
        byte[] bytes = fit("decision_tree", Task.CLASSIFICATION, IRIS).toBytes();
        InputException wrongTask = assertThrows(InputException.class, () -> TrainedModel.fromBytes(bytes, Task.REGRESSION));
        assertEquals("the saved model is not a regression model", wrongTask.getMessage());
        InputException garbage = assertThrows(InputException.class,
                () -> TrainedModel.fromBytes("not a model".getBytes(StandardCharsets.UTF_8), Task.CLASSIFICATION));
        assertTrue(garbage.getMessage().startsWith("not a readable Tribuo model"), garbage.getMessage());
    }

    @Test
    void columnsAreMatchedByNameNotPosition() {
        TrainedModel model = fit("logistic_regression", Task.CLASSIFICATION, IRIS);
        assertEquals(List.of("petal_length", "petal_width", "sepal_length", "sepal_width"), model.featureNames());
        Table shuffled = IRIS.features().reorderColumns("petal_width", "sepal_width", "sepal_length", "petal_length");
        Predictions original = model.predict(IRIS.features());
        Predictions reordered = model.predict(shuffled);
        assertArrayEquals(original.labels(), reordered.labels());
        assertTrue(Arrays.deepEquals(original.probabilities(), reordered.probabilities()));

        Table missing = IRIS.features().copy().removeColumns("petal_width");
        InputException e = assertThrows(InputException.class, () -> model.predict(missing));
        assertEquals("feature 'petal_width' that the model was trained on is missing from the rows to predict", e.getMessage());
    }

    @Test
    void mismatchedTaskAndOneClassTargetsAreInputErrors() {
        ModelSpec regression = ModelCatalog.spec("xgboost", Task.REGRESSION);
        InputException e = assertThrows(InputException.class,
                () -> TrainedModel.train(regression, DEFAULTS, 1L, IRIS.features(), IRIS.target()));
        assertEquals("train.model: 'xgboost' is a regression model but target 'species' holds labels", e.getMessage());

        Frame setosa = IRIS.subset(java.util.stream.IntStream.range(0, 50).toArray());
        InputException one = assertThrows(InputException.class,
                () -> fit("logistic_regression", Task.CLASSIFICATION, setosa));
        assertEquals("target 'species' has only one class [Iris-setosa] in the training rows; a classifier needs at least two",
                one.getMessage());
    }

    @Test
    void badParamsFailBeforeTraining() {
        var params = JsonNodeFactory.instance.objectNode().put("epochs", "ten");
        ModelSpec spec = ModelCatalog.spec("logistic_regression", Task.CLASSIFICATION);
        InputException e = assertThrows(InputException.class,
                () -> TrainedModel.train(spec, params, 1L, IRIS.features(), IRIS.target()));
        assertEquals("train.params.epochs: expected an integer, got \"ten\"", e.getMessage());
    }

    @Test
    void provenanceNamesTheTrainer() {
        String json = fit("xgboost", Task.CLASSIFICATION, IRIS).provenanceJson();
        assertNotNull(json);
        assertTrue(json.contains("XGBoostClassifier"), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.trim().startsWith("["), "JSON expected");
    }
}
