package org.workbench.run;

import java.util.Map;
import org.workbench.core.RunContext;
import org.workbench.data.Frame;
import org.workbench.definition.Problem;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.Scoring;
import org.workbench.recipe.ApplyLog;

/**
 * The model a run ends with: the configured one, or the one tuning adopted. Its test metrics are
 * what the bundle and the final headline report.
 */
public final class FinalModel {
    private FinalModel() {
    }

    public static boolean isTuned(RunContext context) {
        return context.find(Artifacts.TUNED_CONFIG).isPresent();
    }

    /** Test-split metrics of the final model (empty when no stage has measured it). */
    public static Map<String, Double> testMetrics(RunContext context) {
        if (!isTuned(context)) {
            return context.find(Artifacts.EVALUATION).map(Evaluation::test).orElse(Map.of());
        }
        Problem problem = context.get(Artifacts.PROBLEM);
        Frame test = context.get(Artifacts.RAW_TEST);
        var predictions = context.get(Artifacts.MODEL)
                .predict(context.get(Artifacts.FITTED_RECIPE).apply(test.features(), new ApplyLog()));
        return Scoring.headline(problem, test.target(), predictions, context.config().evaluate().metrics());
    }
}
