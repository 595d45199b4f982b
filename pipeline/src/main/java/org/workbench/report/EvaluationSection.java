package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation part of the report: metrics with baseline and train-vs-test, the confusion matrix,
 * ROC and precision-recall curves, residual and predicted-vs-actual plots, feature importance and the
 * cross-validation folds.
 */
final class EvaluationSection {
    private static final Set<String> UNBOUNDED = Set.of("log_loss", "mse", "rmse", "mae", "mape");

    private EvaluationSection() {
    }

    static String render(JsonNode run, JsonNode stage, PredictionRows predictions, Svg svg) {
        JsonNode d = stage.path("data");
        StringBuilder sb = new StringBuilder();
        sb.append("<h3 id=\"metrics\">Metrics</h3>").append(metricsTable(d));
        List<String> bounded = new ArrayList<>();
        d.path("test").fieldNames().forEachRemaining(m -> {
            if (!UNBOUNDED.contains(m) && d.path("train").has(m)) {
                bounded.add(m);
            }
        });
        if (!bounded.isEmpty()) {
            Map<String, List<Double>> series = new LinkedHashMap<>();
            series.put("train", bounded.stream().map(m -> d.path("train").path(m).asDouble()).toList());
            series.put("test", bounded.stream().map(m -> d.path("test").path(m).asDouble()).toList());
            if (bounded.stream().allMatch(m -> d.path("baseline").has(m))) {
                series.put("baseline", bounded.stream().map(m -> d.path("baseline").path(m).asDouble()).toList());
            }
            sb.append(Html.figure("train-vs-test", () -> svg.of(Charts.bars("Training vs test split", "metric", "score", bounded, series),
                    "train vs test"), "A model that scores much better on its training rows than on the test split is overfitting."));
        }
        JsonNode report = d.path("test_report");
        if (report.has("confusion_matrix")) {
            List<String> classes = HtmlReport.text(report.path("classes"));
            int[][] counts = new int[classes.size()][classes.size()];
            for (int i = 0; i < classes.size(); i++) {
                for (int j = 0; j < classes.size(); j++) {
                    counts[i][j] = report.path("confusion_matrix").path(i).path(j).asInt();
                }
            }
            sb.append(Html.figure("confusion-matrix", () -> svg.of(Charts.confusion(classes, counts), "confusion matrix"),
                    "Rows are the true class, columns the predicted one; the diagonal is correct."));
            if (predictions != null) {
                sb.append(rocPr(run, classes, predictions, svg));
            }
        } else if (predictions != null && report.has("residuals") && predictions.has("truth")) {
            sb.append(regression(predictions, svg));
        }
        sb.append(importance(run, svg));
        JsonNode folds = d.path("cv_folds");
        if (folds.isArray() && folds.size() > 0) {
            List<String> metrics = new ArrayList<>();
            folds.get(0).fieldNames().forEachRemaining(metrics::add);
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

    private static String metricsTable(JsonNode d) {
        List<List<String>> rows = new ArrayList<>();
        d.path("test").fieldNames().forEachRemaining(m -> {
            JsonNode cv = d.path("cv").path(m);
            rows.add(List.of(Html.escape(m), Html.number(d.path("test").get(m)), Html.number(d.path("train").get(m)),
                    Html.number(d.path("baseline").get(m)),
                    cv.isArray() ? Html.number(cv.get(0)) + " &plusmn; " + Html.number(cv.get(1)) : "-"));
        });
        return Html.table(List.of("metric", "test", "train", "baseline (test)", "CV mean &plusmn; std"), rows);
    }

    private static String rocPr(JsonNode run, List<String> classes, PredictionRows p, Svg svg) {
        List<String> scored = classes.stream().filter(c -> p.has("prob_" + c)).toList();
        if (scored.isEmpty() || !p.has("truth")) {
            return "<p>The model gives no class probabilities, so there are no ROC or precision-recall curves.</p>";
        }
        String positive = run.path("config").path("problem").path("positive_class").asText("");
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
        return note + Html.figure("roc-curve", () -> svg.of(Charts.lines("ROC curve (final model, test split)", "false positive rate", "true positive rate", roc),
                "ROC curve"), "Each point is one probability threshold; the closer to the top-left corner the better.")
                + Html.figure("pr-curve", () -> svg.of(Charts.lines("Precision-recall curve (final model, test split)", "recall", "precision", pr),
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

    /**
     * Feature importance bars from whatever a stage recorded: a {@code feature_importance} mapping of
     * name to weight, or an {@code importance} object holding lists of {feature, value} entries
     * (e.g. {@code permutation} and {@code model}).
     */
    private static String importance(JsonNode run, Svg svg) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode stage : run.path("stages")) {
            JsonNode data = stage.path("data");
            Map<String, List<Map.Entry<String, Double>>> views = new LinkedHashMap<>();
            JsonNode flat = data.path("feature_importance");
            if (flat.isObject() && flat.size() > 0) {
                List<Map.Entry<String, Double>> entries = new ArrayList<>();
                flat.fields().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), e.getValue().asDouble())));
                views.put("", entries);
            }
            data.path("importance").fields().forEachRemaining(view -> {
                List<Map.Entry<String, Double>> entries = new ArrayList<>();
                view.getValue().forEach(e -> {
                    if (e.has("feature") && e.path("value").isNumber()) {
                        entries.add(Map.entry(e.path("feature").asText(), e.path("value").asDouble()));
                    }
                });
                if (!entries.isEmpty()) {
                    views.put(view.getKey(), entries);
                }
            });
            views.forEach((view, entries) -> {
                entries.sort((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
                List<Map.Entry<String, Double>> top = entries.subList(0, Math.min(20, entries.size()));
                String title = "Feature importance" + (view.isEmpty() ? "" : " (" + view + ")");
                sb.append(Html.figure(view.isEmpty() ? "feature-importance" : "feature-importance-" + view, () -> svg.of(Charts.bars(title,
                        "feature", "importance", top.stream().map(Map.Entry::getKey).toList(),
                        Map.of("importance", top.stream().map(Map.Entry::getValue).toList())), title),
                        "The " + top.size() + " most important features, as recorded by the " + stage.path("stage").asText()
                                + " stage."));
            });
        }
        return sb.toString();
    }
}
