package org.workbench.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.workbench.fairness.FairnessRecord;
import org.workbench.stage.StageRecord;

/**
 * What the evaluation stage records in {@code run.json} (and, the same, in {@code metrics.json}): the
 * headline metrics on the test split, the training split and the baseline; each cross-validation
 * fold's metrics and their mean and standard deviation ({@code [mean, std]}); the full report of the
 * test split; and, when they apply, the decision threshold, the compared models, feature importance and
 * the fairness audit.
 * Clustering adds every row's scores and the training and all-rows reports, and says why there is no
 * cross-validation. Fields that do not apply are absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRecord(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                               Map<String, Double> allRows, List<Map<String, Double>> cvFolds, Map<String, double[]> cv,
                               String cvNote, ScoreReport testReport, ClusteringReport trainReport,
                               ClusteringReport allRowsReport, Evaluation.Threshold threshold, List<Compared> leaderboard,
                               Importances importance, FairnessRecord fairness) implements StageRecord {

    /** One model of {@code evaluate.compare}: its CV scores and the corrected t-test against the best (null for the best). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record Compared(String model, Map<String, double[]> cv, Double meanDifference, Double pValue, boolean significant) {
    }

    /** Feature importance: the model's own view and permutation importance on the test rows, by source column. */
    @JsonPropertyOrder(alphabetic = true)
    public record Importances(List<Importance.Entry> model, List<Importance.Entry> permutation) {
    }

    /** A supervised evaluation, as the stage measured it. */
    static EvaluationRecord of(Evaluation e) {
        List<Compared> compared = e.leaderboard() == null ? null : e.leaderboard().rows().stream()
                .map(r -> new Compared(r.model(), r.cv(), r.meanDifference(), r.pValue(), r.significant())).toList();
        Importances importance = e.importance().model().isEmpty() && e.importance().permutation().isEmpty() ? null
                : new Importances(e.importance().model(), e.importance().permutation());
        return new EvaluationRecord(e.test(), e.train(), e.baseline(), null, e.folds(), e.cv(), null, e.testReport(), null, null,
                e.threshold(), compared, importance, null);
    }

    /** A clustering evaluation: no folds, with every row's scores and the reports of each split. */
    static EvaluationRecord clustering(Map<String, Double> test, Map<String, Double> train, Map<String, Double> baseline,
                                       Map<String, Double> allRows, String cvNote, ClusteringReport testReport,
                                       ClusteringReport trainReport, ClusteringReport allRowsReport) {
        return new EvaluationRecord(test, train, baseline, allRows, List.of(), Map.of(), cvNote, testReport, trainReport,
                allRowsReport, null, null, null, null);
    }

    /** This record with the fairness audit ({@code evaluate.fairness}) added. */
    EvaluationRecord withFairness(FairnessRecord audit) {
        return new EvaluationRecord(test, train, baseline, allRows, cvFolds, cv, cvNote, testReport, trainReport, allRowsReport,
                threshold, leaderboard, importance, audit);
    }
}
