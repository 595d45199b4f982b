package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.stage.StageResult;
import org.workbench.data.Task;
import org.workbench.definition.Problem;

/** The evaluation stage's account: a summary line, readable detail lines and the numbers for run.json. */
final class EvaluationSummary {
    private EvaluationSummary() {
    }

    static StageResult result(String stage, Problem problem, EvaluateConfig cfg, Evaluation e) {
        String metric = problem.metric();
        List<String> details = new ArrayList<>();
        details.addAll(MetricTable.scores(e.test(), e.train(), e.baseline(), e.cv(), false, Map.of())
                .text(List.of("metric", "test", "train", "baseline"), "", 18, 10, " "));
        String folds = cfg.cvName();
        e.cv().forEach((m, ms) -> details.add(String.format(Locale.ROOT, "%s %-18s %.4f +/- %.4f", folds, m, ms[0], ms[1])));
        String overfitting = overfitting(problem, cfg, e);
        if (overfitting != null) {
            details.add(overfitting);
        }
        if (e.threshold() != null) {
            details.add(String.format(Locale.ROOT, "threshold %.4f for '%s' (max %s on %s): test %s %.4f (at the default: %.4f)",
                    e.threshold().value(), problem.positiveClass(), e.threshold().rule(), e.threshold().chosenOn(), metric,
                    e.threshold().test().get(metric), e.test().get(metric)));
        }
        if (e.leaderboard() != null) {
            details.add(Leaderboard.DETAILS_HEADER);
            details.addAll(e.leaderboard().lines());
        }
        if (!e.importance().model().isEmpty()) {
            details.add("the model's own feature importance (by source column):");
            e.importance().model().forEach(i -> details.add(String.format(Locale.ROOT, "  %-24s %.4f", i.feature(), i.value())));
        }
        if (!e.importance().permutation().isEmpty()) {
            details.add("permutation importance (drop in test " + metric + ", " + e.importance().repeats() + " shuffles):");
            e.importance().permutation().forEach(i -> details.add(String.format(Locale.ROOT, "  %-24s %.4f +/- %.4f", i.feature(), i.value(), i.std())));
        }

        String summary = String.format(Locale.ROOT, "test %s %.4f (train %.4f, baseline %.4f)%s", metric,
                e.test().get(metric), e.train().get(metric), e.baseline().get(metric),
                e.cv().isEmpty() ? "" : String.format(Locale.ROOT, "; %s %.4f +/- %.4f", folds, e.cv().get(metric)[0], e.cv().get(metric)[1]));
        if (e.leaderboard() != null) {
            summary += "; best of " + e.leaderboard().rows().size() + ": " + e.leaderboard().rows().get(0).model();
        }
        return StageResult.of(stage, summary, details, EvaluationRecord.of(e));
    }

    /** The overfitting line when training beats test by the run's limit ({@link Overfitting}); else null. */
    private static String overfitting(Problem problem, EvaluateConfig cfg, Evaluation e) {
        String metric = problem.metric();
        Double train = e.train().get(metric);
        Double test = e.test().get(metric);
        Double baseline = e.baseline().get(metric);
        if (problem.task() == Task.CLUSTERING || train == null || test == null || baseline == null
                || !Double.isFinite(train) || !Double.isFinite(test) || !Double.isFinite(baseline)) {
            return null;
        }
        Overfitting rule = new Overfitting(metric, baseline, cfg.overfitGap());
        if (!rule.overfits(train, test)) {
            return null;
        }
        return String.format(Locale.ROOT, "a sign of overfitting: train %s %.4f beats test %.4f by %.4f, at least the limit"
                + " %.4f (evaluate.overfit_gap %s of the room between the baseline %.4f and a perfect score)", metric,
                train, test, rule.gap(train, test), rule.limit(), cfg.overfitGap(), baseline);
    }
}
