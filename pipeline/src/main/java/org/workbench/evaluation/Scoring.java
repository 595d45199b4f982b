package org.workbench.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.definition.Problem;

/** Scores predictions against the truth with the metrics of the problem's task. */
public final class Scoring {
    private Scoring() {
    }

    /**
     * The full report: a {@link ClassificationReport}, a {@link RegressionReport}, or for clustering a
     * {@link ClusteringReport} of agreement with the label column only (the silhouette and
     * within-cluster sum of squares need the feature rows: {@link ClusteringMetrics#compute}).
     */
    public static ScoreReport report(Problem problem, Target truth, Predictions predicted) {
        if (problem.task() == Task.CLUSTERING) {
            return ClusteringMetrics.compute(null, List.of(), truth.isPresent() ? truth.labels() : null,
                    predicted.labels(), 0L);
        }
        if (problem.task() == Task.CLASSIFICATION) {
            return ClassificationMetrics.compute(truth.labels(), predicted, problem.classes(), problem.positiveClass());
        }
        return RegressionMetrics.compute(truth.values(), predicted.values());
    }

    /** Headline metrics, restricted to {@code wanted} (plus the primary metric) when it is not empty. */
    public static Map<String, Double> headline(Problem problem, Target truth, Predictions predicted, List<String> wanted) {
        Object report = report(problem, truth, predicted);
        Map<String, Double> all;
        if (report instanceof ClassificationReport c) {
            all = c.headline();
        } else if (report instanceof ClusteringReport c) {
            all = c.headline();
        } else {
            all = ((RegressionReport) report).headline();
        }
        return restrict(all, problem.metric(), wanted);
    }

    /** The metrics evaluate.metrics names, and the primary one; all of them when it names none. Both engines report through it. */
    public static Map<String, Double> restrict(Map<String, Double> all, String primary, List<String> wanted) {
        if (wanted.isEmpty()) {
            return all;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.equals(primary) || wanted.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
