package org.workbench.evaluation;

import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;

/**
 * What the evaluation stage measured: the held-out test split, the training split (the first
 * overfitting signal), the baseline on the same test split, and cross-validation folds with their
 * mean and standard deviation. {@code testReport} holds the full metric report with the confusion matrix.
 */
public record Evaluation(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                         List<Map<String, Double>> folds, Map<String, double[]> cv, Object testReport,
                         Predictions testPredictions) {
}
