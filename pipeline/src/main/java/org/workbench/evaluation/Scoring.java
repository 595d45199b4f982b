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

    /** The full report: a {@link ClassificationReport} or a {@link RegressionReport}. */
    public static Object report(Problem problem, Target truth, Predictions predicted) {
        if (problem.task() == Task.CLASSIFICATION) {
            return ClassificationMetrics.compute(truth.labels(), predicted, problem.classes(), problem.positiveClass());
        }
        return RegressionMetrics.compute(truth.values(), predicted.values());
    }

    /** Headline metrics, restricted to {@code wanted} (plus the primary metric) when it is not empty. */
    public static Map<String, Double> headline(Problem problem, Target truth, Predictions predicted, List<String> wanted) {
        Object report = report(problem, truth, predicted);
        Map<String, Double> all = report instanceof ClassificationReport c ? c.headline() : ((RegressionReport) report).headline();
        return restrict(all, problem.metric(), wanted);
    }

    static Map<String, Double> restrict(Map<String, Double> all, String primary, List<String> wanted) {
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
