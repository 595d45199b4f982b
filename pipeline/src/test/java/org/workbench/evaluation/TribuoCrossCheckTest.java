package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.workbench.data.Predictions;

/**
 * The same predictions scored by our metrics and by Tribuo's evaluators. Tribuo's evaluators take
 * the truth from each prediction's example and the class list from a model, so a tiny model trained
 * on one row per class supplies the class list (and, being a logistic model, says that it gives
 * probabilities); the predictions themselves are built by hand.
 */
class TribuoCrossCheckTest {
    private static final double TOL = 1e-9;
    private static final String[] X = {"x"};

    /** Rows with random class weights 1..5, the true class's weight raised by 2; scores are w / sum w (many ties). */
    private record Fixture(String[] truth, String[] predicted, double[][] probs, List<String> classes) {
        static Fixture random(List<String> classes, int rows, long seed) {
            Random random = new Random(seed);
            int k = classes.size();
            String[] truth = new String[rows];
            String[] predicted = new String[rows];
            double[][] probs = new double[rows][k];
            for (int i = 0; i < rows; i++) {
                int t = i % k;
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    probs[i][c] = 1 + random.nextInt(5) + (c == t ? 2 : 0);
                    sum += probs[i][c];
                }
                int best = 0;
                for (int c = 0; c < k; c++) {
                    probs[i][c] /= sum;
                    best = probs[i][c] > probs[i][best] ? c : best;
                }
                truth[i] = classes.get(t);
                predicted[i] = classes.get(best);
            }
            return new Fixture(truth, predicted, probs, classes);
        }

        ClassificationReport ours() {
            return ClassificationMetrics.compute(truth, Predictions.classification(predicted, probs, classes), classes, null);
        }

        LabelEvaluation tribuos() {
            LabelFactory factory = new LabelFactory();
            MutableDataset<Label> oneRowPerClass = new MutableDataset<>(new SimpleDataSourceProvenance("classes", factory), factory);
            for (int c = 0; c < classes.size(); c++) {
                oneRowPerClass.add(new ArrayExample<>(new Label(classes.get(c)), X, new double[] {c}));
            }
            Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1), 1, -1, 1, 1L).train(oneRowPerClass);
            List<Prediction<Label>> predictions = new ArrayList<>();
            for (int i = 0; i < truth.length; i++) {
                Map<String, Label> scores = new HashMap<>();
                for (int c = 0; c < classes.size(); c++) {
                    scores.put(classes.get(c), new Label(classes.get(c), probs[i][c]));
                }
                var example = new ArrayExample<>(new Label(truth[i]), X, new double[] {0});
                predictions.add(new Prediction<>(scores.get(predicted[i]), scores, 1, example, true));
            }
            return new LabelEvaluator().evaluate(model, predictions, new SimpleDataSourceProvenance("scored", factory));
        }
    }

    @Test
    void binaryMatchesTribuo() {
        Fixture f = Fixture.random(List.of("neg", "pos"), 60, 11);
        ClassificationReport ours = f.ours();
        LabelEvaluation tribuo = f.tribuos();
        assertEquals(tribuo.accuracy(), ours.accuracy(), TOL);
        assertEquals(tribuo.macroAveragedF1(), ours.macro().f1(), TOL);
        assertEquals("pos", ours.positive().label());
        assertEquals(tribuo.AUCROC(new Label("pos")), ours.rocAuc(), TOL);
        assertEquals(tribuo.f1(new Label("pos")), ours.positive().f1(), TOL);
        // the data is neither trivial nor hopeless
        assertTrue(0.5 < ours.rocAuc() && ours.rocAuc() < 1);
    }

    @Test
    void threeClassesMatchTribuo() {
        Fixture f = Fixture.random(List.of("a", "b", "c"), 45, 5);
        ClassificationReport ours = f.ours();
        LabelEvaluation tribuo = f.tribuos();
        assertEquals(tribuo.accuracy(), ours.accuracy(), TOL);
        assertEquals(tribuo.macroAveragedF1(), ours.macro().f1(), TOL);
        assertEquals(tribuo.averageAUCROC(false), ours.rocAuc(), TOL); // one-vs-rest, unweighted
        assertEquals(1 - tribuo.balancedErrorRate(), ours.balancedAccuracy(), TOL);
    }

    @Test
    void regressionMatchesTribuo() {
        Random random = new Random(3);
        int n = 50;
        double[] truth = new double[n];
        double[] predicted = new double[n];
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> train = new MutableDataset<>(new SimpleDataSourceProvenance("train", factory), factory);
        List<Prediction<Regressor>> predictions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            truth[i] = 10 * random.nextGaussian() + 20;
            predicted[i] = truth[i] + 4 * random.nextGaussian() + 1;
            var example = new ArrayExample<>(new Regressor("DIM-0", truth[i]), X, new double[] {i});
            train.add(example);
            predictions.add(new Prediction<>(new Regressor("DIM-0", predicted[i]), 1, example));
        }
        Model<Regressor> model = DummyRegressionTrainer.createMeanTrainer().train(train);
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, predictions,
                new SimpleDataSourceProvenance("scored", factory));
        RegressionReport ours = RegressionMetrics.compute(truth, predicted);
        assertEquals(tribuo.averageRMSE(), ours.rmse(), TOL);
        assertEquals(tribuo.averageMAE(), ours.mae(), TOL);
        assertEquals(tribuo.averageR2(), ours.r2(), TOL);
    }
}
