package org.workbench.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification scores for one set of predictions. Values that are undefined for the data (no
 * probabilities, a single class in the truth, ...) are null, never NaN, so the report serialises to
 * plain JSON.
 *
 * @param rows            number of rows scored
 * @param classes         class order used by {@code perClass} and {@code confusionMatrix}
 * @param positive        scores of the positive class; null unless exactly two classes
 * @param macro           unweighted mean over the classes seen in the truth or the predictions
 * @param weighted        mean over classes weighted by their support (rows in the truth)
 * @param rocAuc          ROC-AUC from probabilities (binary: positive class; else one-vs-rest mean)
 * @param averagePrecision area under the precision-recall curve as a step sum (binary: positive class;
 *                        else one-vs-rest mean over the classes in the truth)
 * @param logLoss         mean negative log probability of the true class
 * @param brier           Brier score: binary, the mean of (p(positive) - y)^2; more classes, the mean over
 *                        rows of the sum over classes of (p(class) - y(class))^2, as scikit-learn's multiclass form
 * @param confusionMatrix counts, rows = truth, columns = predicted, both in {@code classes} order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassificationReport(int rows, List<String> classes, double accuracy, double balancedAccuracy,
                                   List<ClassScores> perClass, Average macro, Average weighted,
                                   PositiveClass positive, Double rocAuc, Double averagePrecision, Double logLoss, Double brier,
                                   double mcc, Double kappa,
                                   int[][] confusionMatrix) implements ScoreReport {

    /** Precision, recall and F1 of one class; support is the number of rows of that class in the truth. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClassScores(String label, double precision, double recall, double f1, int support) {
    }

    /** An average of per-class precision, recall and F1. */
    public record Average(double precision, double recall, double f1) {
    }

    /** Precision, recall and F1 of the class treated as positive in a two-class problem. */
    public record PositiveClass(String label, double precision, double recall, double f1) {
    }

    @JsonIgnore
    public boolean isBinary() {
        return positive != null;
    }

    /**
     * The headline numbers as a flat map, in a fixed order: precision, recall and f1 are those of the
     * positive class for two classes and macro averages otherwise. Undefined metrics are left out.
     */
    public Map<String, Double> headline() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", accuracy);
        out.put("balanced_accuracy", balancedAccuracy);
        out.put("precision", isBinary() ? positive.precision() : macro.precision());
        out.put("recall", isBinary() ? positive.recall() : macro.recall());
        out.put("f1", isBinary() ? positive.f1() : macro.f1());
        out.put("precision_macro", macro.precision());
        out.put("recall_macro", macro.recall());
        out.put("f1_macro", macro.f1());
        out.put("f1_weighted", weighted.f1());
        putIfDefined(out, "roc_auc", rocAuc);
        putIfDefined(out, "average_precision", averagePrecision);
        putIfDefined(out, "log_loss", logLoss);
        putIfDefined(out, "brier", brier);
        out.put("mcc", mcc);
        putIfDefined(out, "kappa", kappa);
        return out;
    }

    static void putIfDefined(Map<String, Double> map, String key, Double value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
