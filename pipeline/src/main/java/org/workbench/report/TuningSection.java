package org.workbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.workbench.lab.BiasVariance;
import org.workbench.lab.CurvePoint;
import org.workbench.lab.LabRecord;
import org.workbench.stage.StageResult;
import org.workbench.tuning.Trial;
import org.workbench.tuning.TuningRecord;

/**
 * The tuning part of the report: the leaderboard, the search's progress (score by trial), the
 * did-tuning-help verdict, and the lab's learning, validation and bias-variance curves with their
 * diagnosis.
 */
final class TuningSection {
    private TuningSection() {
    }

    static String render(StageResult stage, TuningRecord d, Svg svg) {
        if (Boolean.TRUE.equals(d.skipped())) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (d.trials() != null) {
            sb.append(search(d, svg));
        }
        if (d.lab() != null) {
            sb.append(lab(d.lab(), svg));
        }
        sb.append(Html.lines(stage.details()));
        return sb.toString();
    }

    private static String search(TuningRecord d, Svg svg) {
        StringBuilder sb = new StringBuilder();
        String metric = d.metric() == null ? "" : d.metric();
        List<Trial> trials = d.trials();
        Map<Integer, Trial> finalRound = new LinkedHashMap<>();
        int lastRung = 0;
        for (Trial t : trials) {
            lastRung = Math.max(lastRung, t.rung());
        }
        for (Trial t : trials) {
            if (t.rung() == lastRung) {
                finalRound.put(t.number(), t);
            }
        }
        List<String> paths = trials.isEmpty() || trials.get(0).params() == null ? List.of()
                : new ArrayList<>(trials.get(0).params().keySet());
        List<String> header = new ArrayList<>(List.of("rank", "trial"));
        paths.forEach(p -> header.add(Html.escape(p.substring(p.lastIndexOf('.') + 1))));
        header.addAll(List.of(Html.escape(metric) + " mean &plusmn; std", "rows", "fit time (s)"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("-", d.configured(), paths, true));
        int rank = 1;
        for (Integer n : d.leaderboard() == null ? List.<Integer>of() : d.leaderboard()) {
            rows.add(row(String.valueOf(rank++), finalRound.get(n), paths, false));
        }
        sb.append("<h3 id=\"leaderboard\">Leaderboard (").append(Html.escape(d.method()))
                .append(", ").append(d.cvFolds() == null ? 0 : d.cvFolds()).append("-fold CV on the training split)</h3>")
                .append(Html.table(header, rows).replaceFirst("<tr><td>1</td>", "<tr class=\"best\"><td>1</td>"));
        sb.append("<p class=\"verdict\">").append(Html.escape(d.verdict() == null ? "" : d.verdict())).append("</p>");
        Double test = d.test() == null ? null : d.test().get(metric);
        sb.append("<p>").append(Boolean.TRUE.equals(d.adopted()) ? "The best setting was adopted: refitted on the whole training"
                + " split and scored once on the test split: " : "The configured model was kept; its test score: ")
                .append(Html.escape(metric)).append(" ").append(Html.number(test)).append(".</p>");

        double[] x = new double[trials.size()];
        double[] y = new double[trials.size()];
        double[] best = new double[trials.size()];
        boolean higher = !List.of("mse", "rmse", "mae", "log_loss", "brier", "mape").contains(metric);
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = trials.get(i).mean();
            best[i] = i == 0 ? y[i] : higher ? Math.max(best[i - 1], y[i]) : Math.min(best[i - 1], y[i]);
        }
        double configured = d.configured() == null ? 0 : d.configured().mean();
        if (x.length > 0) {
            sb.append(Html.figure("search-progress", () -> svg.of(Charts.lines("Search progress", "trial (in search order)",
                    metric + " (CV mean)", List.of(Charts.Line.of("trial score", x, y), Charts.Line.of("best so far", x, best),
                            Charts.Line.reference("configured setting", new double[] {1, x.length}, new double[] {configured, configured}))),
                    "search progress"), "Each trial's cross-validated score in search order, and the best so far."));
        }
        if (d.halving() != null) {
            sb.append("<h3>Successive halving rounds</h3>").append(Html.json(Html.tree(d.halving())));
        }
        return sb.toString();
    }

    private static List<String> row(String rank, Trial t, List<String> paths, boolean configured) {
        List<String> cells = new ArrayList<>(List.of(rank, configured ? "configured" : String.valueOf(t.number())));
        for (String p : paths) {
            cells.add(configured ? "<em>as configured</em>" : Html.number(t.params().get(p)));
        }
        cells.add(Html.number((Double) t.mean()) + " &plusmn; " + Html.number((Double) t.std()));
        cells.add(String.valueOf(t.rows()));
        cells.add(String.format(java.util.Locale.ROOT, "%.2f", t.millis() / 1000.0));
        return cells;
    }

    private static String lab(LabRecord lab, Svg svg) {
        StringBuilder sb = new StringBuilder("<h3 id=\"lab\">Overfitting lab</h3>");
        String metric = lab.metric() == null ? "" : lab.metric();
        LabRecord.Thresholds limits = lab.thresholds();
        sb.append("<p>Baseline ").append(Html.escape(metric)).append(" on the same folds: ").append(Html.number((Double) lab.baseline()))
                .append(". Overfitting when training beats validation by at least ")
                .append(limits == null ? "-" : Html.number((Double) limits.gapLimit()))
                .append("; underfitting when the training score is ")
                .append(List.of("mse", "rmse", "mae", "log_loss", "brier", "mape").contains(metric) ? "above " : "below ")
                .append(limits == null ? "-" : Html.number((Double) limits.underfitLevel())).append(".</p>");
        LabRecord.Curve vc = lab.validationCurve();
        if (vc != null) {
            String param = vc.param() == null ? "" : vc.param();
            sb.append(Html.figure("validation-curve", () -> svg.of(Charts.lines("Validation curve: " + param, param, metric,
                    curve(vc.points(), false)), "validation curve"), "Mean over the folds, with one standard deviation as bars."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(diagnosis(vc))).append("</p>");
        }
        LabRecord.Curve lc = lab.learningCurve();
        if (lc != null) {
            sb.append(Html.figure("learning-curve", () -> svg.of(Charts.lines("Learning curve", "training rows", metric,
                    curve(lc.points(), true)), "learning curve"), "Mean over the folds, with one standard deviation as bars."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(diagnosis(lc))).append("</p>");
        }
        LabRecord.BiasVarianceRecord bv = lab.biasVariance();
        if (bv != null) {
            List<BiasVariance.Point> points = bv.points() == null ? List.of() : bv.points();
            double[] x = xs(points.stream().map(p -> p.value() != null && p.value().isNumber() ? p.value().asDouble() : null).toList());
            List<Charts.Line> lines = List.of(Charts.Line.of("bias^2", x, field(points, BiasVariance.Point::bias2)),
                    Charts.Line.of("variance", x, field(points, BiasVariance.Point::variance)),
                    Charts.Line.of("total error", x, field(points, BiasVariance.Point::error)));
            String param = bv.path() == null ? "setting" : bv.path().replaceFirst(".*\\.", "");
            sb.append(Html.figure("bias-variance", () -> svg.of(Charts.lines("Bias-variance by bootstrap", param, "squared error", lines),
                    "bias-variance"), bv.rounds() + " bootstrap re-trainings per value, scored on held-out training rows."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(bv.text() == null ? "" : bv.text())).append("</p>");
        }
        LabRecord.LeakageRecord leak = lab.leakage();
        if (leak != null) {
            double[] leaky = leak.leakyFolds() == null ? new double[0] : leak.leakyFolds();
            double[] honest = leak.honestFolds() == null ? new double[0] : leak.honestFolds();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < honest.length; i++) {
                rows.add(List.of(String.valueOf(i + 1), Html.number(i < leaky.length ? (Double) leaky[i] : null),
                        Html.number((Double) honest[i])));
            }
            sb.append("<h3 id=\"leakage\">Leakage</h3>").append(Html.table(List.of("fold", "recipe fitted before the folds",
                    "recipe refitted in each fold"), rows));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(leak.text() == null ? "" : leak.text())).append("</p>");
        }
        return sb.toString();
    }

    private static String diagnosis(LabRecord.Curve curve) {
        return curve.diagnosis() == null || curve.diagnosis().text() == null ? "" : curve.diagnosis().text();
    }

    private static List<Charts.Line> curve(List<CurvePoint> recorded, boolean byRows) {
        List<CurvePoint> points = recorded == null ? List.of() : recorded;
        double[] x = byRows ? points.stream().mapToDouble(CurvePoint::rows).toArray()
                : xs(points.stream().map(p -> p.value() != null && p.value().isNumber() ? p.value().asDouble() : null).toList());
        return List.of(new Charts.Line("training", x, field(points, CurvePoint::trainMean), field(points, CurvePoint::trainStd)),
                new Charts.Line("validation", x, field(points, CurvePoint::validationMean), field(points, CurvePoint::validationStd)));
    }

    /** Numeric values as they are; if any is not a number (e.g. "minmax"), every point by position 1, 2, 3 ... */
    private static double[] xs(List<Double> values) {
        boolean numeric = values.stream().allMatch(v -> v != null);
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = numeric ? values.get(i) : i + 1;
        }
        return x;
    }

    /** One number of every point; NaN (recorded as text) as 0. */
    private static <P> double[] field(List<P> points, ToDoubleFunction<P> value) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            double v = value.applyAsDouble(points.get(i));
            out[i] = Double.isNaN(v) ? 0 : v;
        }
        return out;
    }
}
