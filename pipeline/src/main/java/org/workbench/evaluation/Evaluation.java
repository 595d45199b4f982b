package org.workbench.evaluation;

import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;

/**
 * What the evaluation stage measured: the held-out test split, the training split (the first
 * overfitting signal), the baseline on the same test split, and cross-validation folds with their
 * mean and standard deviation. {@code testReport} holds the full metric report with the confusion
 * matrix; {@code trainPredictions} are the model's predictions on the training split as the model saw
 * it (after the recipe's fit-transform). The rest may be null: the leaderboard (compare mode), the chosen decision threshold and the
 * test scores it gives (binary problems), feature importance, and the ROC / precision-recall curve of
 * the positive class on the test split (binary problems with probabilities).
 */
public record Evaluation(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                         List<Map<String, Double>> folds, Map<String, double[]> cv, ScoreReport testReport,
                         Predictions testPredictions, Predictions trainPredictions, Leaderboard leaderboard, Threshold threshold,
                         Importance importance, List<Curves.Point> curve) {

    public Evaluation(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                      List<Map<String, Double>> folds, Map<String, double[]> cv, ScoreReport testReport,
                      Predictions testPredictions) {
        this(test, train, baseline, folds, cv, testReport, testPredictions, null, null, null, null, List.of());
    }

    /** In the stage cache: the predictions in binary (as JSON they were most of its bytes and reading time), the rest as JSON. */
    public static final org.workbench.stage.Codec<Evaluation> CODEC = org.workbench.stage.Codec.of((out, e) -> {
        org.workbench.stage.Codec.writeJson(out, new Evaluation(e.test(), e.train(), e.baseline(), e.folds(), e.cv(),
                e.testReport(), null, null, e.leaderboard(), e.threshold(), e.importance(), e.curve()));
        org.workbench.data.TableCodec.writePredictions(out, e.testPredictions());
        org.workbench.data.TableCodec.writePredictions(out, e.trainPredictions());
    }, in -> {
        Evaluation e = org.workbench.stage.Codec.readJson(in, Evaluation.class);
        return new Evaluation(e.test(), e.train(), e.baseline(), e.folds(), e.cv(), e.testReport(),
                org.workbench.data.TableCodec.readPredictions(in), org.workbench.data.TableCodec.readPredictions(in),
                e.leaderboard(), e.threshold(), e.importance(), e.curve());
    });

    /**
     * A decision threshold for the positive class chosen by {@code rule} ("f1" or "youden") on
     * {@code chosenOn} rows, and the test metrics with it.
     */
    public record Threshold(String rule, double value, String chosenOn, Map<String, Double> test) {
        /** The rule a bundle stores and applies. */
        public DecisionThreshold decision(String positiveClass) {
            return new DecisionThreshold(value, positiveClass, rule, chosenOn);
        }
    }
}
