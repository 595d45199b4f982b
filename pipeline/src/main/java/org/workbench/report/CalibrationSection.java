package org.workbench.report;

import java.util.ArrayList;
import java.util.List;
import org.workbench.definition.DefinitionRecord;
import org.workbench.evaluation.Calibration;

/**
 * Calibration of the final model on the test rows: the Brier score and, for two classes, the
 * reliability curve (mean predicted probability of the positive class against the share of positives,
 * in {@link Calibration#BINS} bins) with its table. Only for a model that gives probabilities.
 */
final class CalibrationSection {
    private CalibrationSection() {
    }

    static String render(RunRecord run, List<String> classes, PredictionRows p, Svg svg) {
        StringBuilder sb = new StringBuilder("<h3 id=\"calibration\">Calibration</h3>");
        if (p == null || !p.has("truth") || classes.stream().noneMatch(c -> p.has("prob_" + c))) {
            return sb.append("<p>The model gives no class probabilities, so there is no Brier score or reliability curve.</p>")
                    .toString();
        }
        Double recorded = recordedBrier(run);
        if (classes.size() != 2) {
            sb.append("<p>Brier score (test split, sum over classes, mean over rows; 0 is perfect, at most 2): <b>")
                    .append(recorded == null ? "not among the run's metrics (evaluate.metrics)" : Html.number(recorded))
                    .append("</b>. The reliability curve is drawn for two-class problems.</p>");
            return sb.toString();
        }
        String positive = run.record(DefinitionRecord.class).map(DefinitionRecord::positiveClass).orElse(classes.get(1));
        if (!p.has("prob_" + positive)) {
            return sb.append("<p>The predictions have no probability column for the positive class '")
                    .append(Html.escape(positive)).append("'.</p>").toString();
        }
        double[] probability = p.numbers("prob_" + positive);
        List<String> truth = p.values("truth");
        boolean[] isPositive = new boolean[truth.size()];
        int[] truthIndex = new int[truth.size()];
        double[][] probs = new double[truth.size()][];
        for (int i = 0; i < isPositive.length; i++) {
            isPositive[i] = truth.get(i).equals(positive);
            truthIndex[i] = isPositive[i] ? 1 : 0;
            probs[i] = new double[] {1 - probability[i], probability[i]};
        }
        // the run's own number when it recorded one; the same definition on the same rows otherwise
        double brier = recorded != null ? recorded : Calibration.brier(truthIndex, probs, 1);
        sb.append("<p>Brier score (test split, mean of (p(").append(Html.escape(positive))
                .append(") - outcome)&sup2;; 0 is perfect, a constant 0.5 scores 0.25): <b>").append(Html.number(brier))
                .append("</b>.</p>");
        List<Calibration.Bin> bins = Calibration.reliability(probability, isPositive);
        double[] x = bins.stream().mapToDouble(Calibration.Bin::meanPredicted).toArray();
        double[] y = bins.stream().mapToDouble(Calibration.Bin::observed).toArray();
        List<Charts.Line> lines = List.of(Charts.Line.of("model", x, y),
                Charts.Line.reference("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}));
        sb.append(Html.figure("reliability-curve", () -> svg.of(Charts.unitAxes(Charts.lines("Reliability curve (final model, test split)",
                "mean predicted probability of '" + positive + "'", "share of '" + positive + "'", lines)), "reliability curve"),
                "Each point is one bin of predicted probability; below the diagonal the model is over-confident, above it"
                        + " under-confident. Empty bins are left out."));
        List<List<String>> rows = new ArrayList<>();
        for (Calibration.Bin b : bins) {
            rows.add(List.of((b.lower() == 0 ? "[" : "(") + HtmlReport.compact(b.lower()) + ", " + HtmlReport.compact(b.upper()) + "]",
                    String.valueOf(b.rows()), Html.number(b.meanPredicted()), Html.number(b.observed())));
        }
        sb.append("<div class=\"wide\">").append(Html.table(List.of("bin", "rows", "mean predicted", "observed share"), rows))
                .append("</div>");
        return sb.toString();
    }

    /** The final model's test Brier score as the run recorded it (metrics.json's final block); null when it did not. */
    private static Double recordedBrier(RunRecord run) {
        if (run.metrics() == null || run.metrics().finalModel() == null || run.metrics().finalModel().test() == null) {
            return null;
        }
        return run.metrics().finalModel().test().get("brier");
    }
}
