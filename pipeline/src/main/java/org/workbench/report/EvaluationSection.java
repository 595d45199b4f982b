package org.workbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workbench.definition.DefinitionRecord;
import org.workbench.evaluation.ClassificationReport;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.Importance;
import org.workbench.evaluation.MetricTable;
import org.workbench.evaluation.RegressionReport;
import org.workbench.stage.StageResult;

/**
 * The evaluation part of the report: metrics with baseline and train-vs-test, per-class scores and the
 * confusion matrix ({@link PerClassSection}), ROC and precision-recall curves, calibration
 * ({@link CalibrationSection}), residual and predicted-vs-actual plots, feature importance and the
 * cross-validation folds.
 */
final class EvaluationSection {
    // errors and losses: not on the same 0-1 "higher is better" bars as the scores
    private static final Set<String> UNBOUNDED = Set.of("log_loss", "brier", "mse", "rmse", "mae", "mape");

    private EvaluationSection() {
    }

    static String render(RunRecord run, StageResult stage, EvaluationRecord d, PredictionRows predictions, Svg svg) {
        StringBuilder sb = new StringBuilder();
        Map<String, Double> test = orEmpty(d.test());
        Map<String, Double> train = orEmpty(d.train());
        Map<String, Double> baseline = orEmpty(d.baseline());
        sb.append("<h3 id=\"metrics\">Metrics</h3>").append(metricsTable(d));
        List<String> bounded = new ArrayList<>();
        test.keySet().forEach(m -> {
            if (!UNBOUNDED.contains(m) && train.containsKey(m)) {
                bounded.add(m);
            }
        });
        if (!bounded.isEmpty()) {
            Map<String, List<Double>> series = new LinkedHashMap<>();
            series.put("train", bounded.stream().map(m -> value(train.get(m))).toList());
            series.put("test", bounded.stream().map(m -> value(test.get(m))).toList());
            if (bounded.stream().allMatch(baseline::containsKey)) {
                series.put("baseline", bounded.stream().map(m -> value(baseline.get(m))).toList());
            }
            sb.append(Html.figure("train-vs-test", () -> svg.of(Charts.bars("Training vs test split", "metric", "score", bounded, series),
                    "train vs test"), "A model that scores much better on its training rows than on the test split is overfitting."));
        }
        if (d.testReport() instanceof ClassificationReport report) {
            List<String> classes = report.classes();
            sb.append(PerClassSection.render(report, svg));
            if (predictions != null) {
                sb.append(rocPr(run, classes, predictions, svg));
            }
            sb.append(CalibrationSection.render(run, classes, predictions, svg));
        } else if (predictions != null && d.testReport() instanceof RegressionReport && predictions.has("truth")) {
            sb.append(regression(predictions, svg));
        }
        sb.append(importance(run, svg));
        List<Map<String, Double>> folds = d.cvFolds() == null ? List.of() : d.cvFolds();
        if (!folds.isEmpty()) {
            List<String> metrics = new ArrayList<>(folds.get(0).keySet());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1)));
                for (String m : metrics) {
                    row.add(Html.number(folds.get(i).get(m)));
                }
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("fold"));
            header.addAll(metrics);
            sb.append("<h3 id=\"cv-folds\">Cross-validation, fold by fold</h3>").append(Html.table(header, rows));
        }
        return sb.toString();
    }

    private static Map<String, Double> orEmpty(Map<String, Double> scores) {
        return scores == null ? Map.of() : scores;
    }

    /** A recorded score for a chart: a missing one as 0. */
    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    private static String metricsTable(EvaluationRecord d) {
        return Html.table(MetricTable.scores(orEmpty(d.test()), orEmpty(d.train()), orEmpty(d.baseline()),
                d.cv() == null ? Map.of() : d.cv(), true, Map.of()), Html::escape);
    }

    private static String rocPr(RunRecord run, List<String> classes, PredictionRows p, Svg svg) {
        List<String> scored = classes.stream().filter(c -> p.has("prob_" + c)).toList();
        if (scored.isEmpty() || !p.has("truth")) {
            return "<p>The model gives no class probabilities, so there are no ROC or precision-recall curves.</p>";
        }
        // the problem's positive class (the configured one, else the one the definition stage chose)
        String positive = run.record(DefinitionRecord.class).map(DefinitionRecord::positiveClass).orElse("");
        List<String> truth = p.values("truth");
        // a curve needs rows of the class and rows of the others in the test split: a class too rare to
        // reach it (support 0) has no true-positive rate to draw
        List<String> drawable = scored.stream().filter(c -> truth.contains(c) && truth.stream().anyMatch(t -> !t.equals(c)))
                .toList();
        List<String> absent = scored.stream().filter(c -> !drawable.contains(c)).toList();
        String note = absent.isEmpty() ? "" : "<p>No curve for " + absent.stream().map(c -> "'" + Html.escape(c) + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ": a curve needs test rows of the class and of"
                + " the others, and the test split has " + (absent.stream().allMatch(truth::contains) ? "only that class"
                : "no row of " + (absent.size() == 1 ? "it" : "them")) + ".</p>";
        if (drawable.isEmpty()) {
            return note;
        }
        List<String> shown = classes.size() == 2 ? List.of(drawable.contains(positive) ? positive : drawable.get(drawable.size() - 1))
                : drawable.subList(0, Math.min(6, drawable.size()));
        List<Charts.Line> roc = new ArrayList<>();
        List<Charts.Line> pr = new ArrayList<>();
        for (String c : shown) {
            double[] score = p.numbers("prob_" + c);
            boolean[] isC = new boolean[truth.size()];
            for (int i = 0; i < isC.length; i++) {
                isC[i] = truth.get(i).equals(c);
            }
            String name = classes.size() == 2 ? "class " + c : c + " vs rest";
            RocPr.Curve r = RocPr.roc(score, isC);
            RocPr.Curve q = RocPr.precisionRecall(score, isC);
            roc.add(Charts.Line.of(name, r.x(), r.y()));
            pr.add(Charts.Line.of(name, q.x(), q.y()));
        }
        roc.add(Charts.Line.reference("chance", new double[] {0, 1}, new double[] {0, 1}));
        return note + Html.figure("roc-curve", () -> svg.of(Charts.unitAxes(Charts.lines("ROC curve (final model, test split)", "false positive rate", "true positive rate", roc)),
                "ROC curve"), "Each point is one probability threshold; the closer to the top-left corner the better.")
                + Html.figure("pr-curve", () -> svg.of(Charts.unitAxes(Charts.lines("Precision-recall curve (final model, test split)", "recall", "precision", pr)),
                "precision-recall curve"), "Precision against recall as the threshold falls; useful when the positive class is rare.");
    }

    private static String regression(PredictionRows p, Svg svg) {
        double[] truth = p.numbers("truth");
        double[] predicted = p.numbers("prediction");
        double[] residual = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            residual[i] = truth[i] - predicted[i];
        }
        double lo = Math.min(Arrays.stream(truth).min().orElse(0), Arrays.stream(predicted).min().orElse(0));
        double hi = Math.max(Arrays.stream(truth).max().orElse(1), Arrays.stream(predicted).max().orElse(1));
        double pLo = Arrays.stream(predicted).min().orElse(0);
        double pHi = Arrays.stream(predicted).max().orElse(1);
        return Html.figure("predicted-vs-actual", () -> svg.of(Charts.scatter("Predicted vs actual (test split)", "actual", "predicted",
                Charts.Line.of("rows", truth, predicted), Charts.Line.reference("perfect", new double[] {lo, hi}, new double[] {lo, hi})),
                "predicted vs actual"), "Points on the dashed line are predicted exactly.")
                + Html.figure("residuals", () -> svg.of(Charts.scatter("Residuals (test split)", "predicted", "actual - predicted",
                Charts.Line.of("rows", predicted, residual), Charts.Line.reference("zero", new double[] {pLo, pHi}, new double[] {0, 0})),
                "residuals"), "Residuals should scatter evenly around zero; a pattern means the model misses a shape in the data.");
    }

    /** Feature importance bars from the evaluation's record: the model's own view and permutation importance. */
    private static String importance(RunRecord run, Svg svg) {
        StringBuilder sb = new StringBuilder();
        for (StageResult stage : run.stages()) {
            if (!(stage.data() instanceof EvaluationRecord d) || d.importance() == null) {
                continue;
            }
            Map<String, List<Importance.Entry>> views = new LinkedHashMap<>();
            views.put("model", d.importance().model());
            views.put("permutation", d.importance().permutation());
            views.forEach((view, recorded) -> {
                // NaN and the infinities are recorded as text: no bar
                List<Importance.Entry> entries = new ArrayList<>(recorded == null ? List.of() : recorded.stream()
                        .filter(e -> e.feature() != null && Double.isFinite(e.value())).toList());
                if (entries.isEmpty()) {
                    return;
                }
                entries.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
                List<Importance.Entry> top = entries.subList(0, Math.min(20, entries.size()));
                String title = "Feature importance (" + view + ")";
                sb.append(Html.figure("feature-importance-" + view, () -> svg.of(Charts.bars(title,
                        "feature", "importance", top.stream().map(Importance.Entry::feature).toList(),
                        Map.of("importance", top.stream().map(Importance.Entry::value).toList())), title),
                        "The " + top.size() + " most important features, as recorded by the " + stage.stage()
                                + " stage."));
            });
        }
        return sb.toString();
    }
}
