package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuning part of the report: the leaderboard, the search's progress (score by trial), the
 * did-tuning-help verdict, and the lab's learning, validation and bias-variance curves with their
 * diagnosis.
 */
final class TuningSection {
    private TuningSection() {
    }

    static String render(JsonNode stage, Svg svg) {
        JsonNode d = stage.path("data");
        if (d.path("skipped").asBoolean(false)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (d.has("trials")) {
            sb.append(search(d, svg));
        }
        if (d.has("lab")) {
            sb.append(lab(d.path("lab"), svg));
        }
        sb.append(Html.lines(HtmlReport.text(stage.path("details"))));
        return sb.toString();
    }

    private static String search(JsonNode d, Svg svg) {
        StringBuilder sb = new StringBuilder();
        String metric = d.path("metric").asText();
        Map<Integer, JsonNode> finalRound = new LinkedHashMap<>();
        int lastRung = 0;
        for (JsonNode t : d.path("trials")) {
            lastRung = Math.max(lastRung, t.path("rung").asInt());
        }
        for (JsonNode t : d.path("trials")) {
            if (t.path("rung").asInt() == lastRung) {
                finalRound.put(t.path("number").asInt(), t);
            }
        }
        List<String> paths = new ArrayList<>();
        JsonNode first = d.path("trials").path(0).path("params");
        for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
            paths.add(it.next());
        }
        List<String> header = new ArrayList<>(List.of("rank", "trial"));
        paths.forEach(p -> header.add(Html.escape(p.substring(p.lastIndexOf('.') + 1))));
        header.addAll(List.of(Html.escape(metric) + " mean &plusmn; std", "rows", "fit time (s)"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("-", d.path("configured"), paths, true));
        int rank = 1;
        for (JsonNode n : d.path("leaderboard")) {
            rows.add(row(String.valueOf(rank++), finalRound.get(n.asInt()), paths, false));
        }
        sb.append("<h3 id=\"leaderboard\">Leaderboard (").append(Html.escape(d.path("method").asText()))
                .append(", ").append(d.path("cv_folds").asInt()).append("-fold CV on the training split)</h3>")
                .append(Html.table(header, rows).replaceFirst("<tr><td>1</td>", "<tr class=\"best\"><td>1</td>"));
        sb.append("<p class=\"verdict\">").append(Html.escape(d.path("verdict").asText())).append("</p>");
        JsonNode test = d.path("test").path(metric);
        sb.append("<p>").append(d.path("adopted").asBoolean() ? "The best setting was adopted: refitted on the whole training"
                + " split and scored once on the test split: " : "The configured model was kept; its test score: ")
                .append(Html.escape(metric)).append(" ").append(Html.number(test)).append(".</p>");

        List<Double> scores = new ArrayList<>();
        d.path("trials").forEach(t -> scores.add(t.path("mean").asDouble()));
        double[] x = new double[scores.size()];
        double[] y = new double[scores.size()];
        double[] best = new double[scores.size()];
        boolean higher = !List.of("mse", "rmse", "mae", "log_loss", "mape").contains(metric);
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = scores.get(i);
            best[i] = i == 0 ? y[i] : higher ? Math.max(best[i - 1], y[i]) : Math.min(best[i - 1], y[i]);
        }
        double configured = d.path("configured").path("mean").asDouble();
        if (x.length > 0) {
            sb.append(Html.figure("search-progress", () -> svg.of(Charts.lines("Search progress", "trial (in search order)",
                    metric + " (CV mean)", List.of(Charts.Line.of("trial score", x, y), Charts.Line.of("best so far", x, best),
                            Charts.Line.reference("configured setting", new double[] {1, x.length}, new double[] {configured, configured}))),
                    "search progress"), "Each trial's cross-validated score in search order, and the best so far."));
        }
        if (d.has("halving")) {
            sb.append("<h3>Successive halving rounds</h3>").append(Html.json(d.path("halving")));
        }
        return sb.toString();
    }

    private static List<String> row(String rank, JsonNode t, List<String> paths, boolean configured) {
        List<String> cells = new ArrayList<>(List.of(rank, configured ? "configured" : t.path("number").asText()));
        for (String p : paths) {
            cells.add(configured ? "<em>as configured</em>" : Html.number(t.path("params").get(p)));
        }
        cells.add(Html.number(t.path("mean")) + " &plusmn; " + Html.number(t.path("std")));
        cells.add(t.path("rows").asText());
        cells.add(String.format(java.util.Locale.ROOT, "%.2f", t.path("millis").asDouble() / 1000));
        return cells;
    }

    private static String lab(JsonNode lab, Svg svg) {
        StringBuilder sb = new StringBuilder("<h3 id=\"lab\">Overfitting lab</h3>");
        String metric = lab.path("metric").asText();
        sb.append("<p>Baseline ").append(Html.escape(metric)).append(" on the same folds: ").append(Html.number(lab.path("baseline")))
                .append(". Overfitting when training beats validation by at least ").append(Html.number(lab.path("thresholds").path("gap_limit")))
                .append("; underfitting when the training score is ")
                .append(List.of("mse", "rmse", "mae", "log_loss", "mape").contains(metric) ? "above " : "below ")
                .append(Html.number(lab.path("thresholds").path("underfit_level"))).append(".</p>");
        JsonNode vc = lab.path("validation_curve");
        if (!vc.isMissingNode()) {
            String param = vc.path("param").asText();
            sb.append(Html.figure("validation-curve", () -> svg.of(Charts.lines("Validation curve: " + param, param, metric,
                    curve(vc.path("points"), false)), "validation curve"), "Mean over the folds, with one standard deviation as bars."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(vc.path("diagnosis").path("text").asText())).append("</p>");
        }
        JsonNode lc = lab.path("learning_curve");
        if (!lc.isMissingNode()) {
            sb.append(Html.figure("learning-curve", () -> svg.of(Charts.lines("Learning curve", "training rows", metric,
                    curve(lc.path("points"), true)), "learning curve"), "Mean over the folds, with one standard deviation as bars."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(lc.path("diagnosis").path("text").asText())).append("</p>");
        }
        JsonNode bv = lab.path("bias_variance");
        if (!bv.isMissingNode()) {
            JsonNode points = bv.path("points");
            double[] x = xs(points, false);
            List<Charts.Line> lines = List.of(Charts.Line.of("bias^2", x, field(points, "bias2")),
                    Charts.Line.of("variance", x, field(points, "variance")), Charts.Line.of("total error", x, field(points, "error")));
            String param = bv.path("path").isNull() ? "setting" : bv.path("path").asText().replaceFirst(".*\\.", "");
            sb.append(Html.figure("bias-variance", () -> svg.of(Charts.lines("Bias-variance by bootstrap", param, "squared error", lines),
                    "bias-variance"), bv.path("rounds").asInt() + " bootstrap re-trainings per value, scored on held-out training rows."));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(bv.path("text").asText())).append("</p>");
        }
        JsonNode leak = lab.path("leakage");
        if (!leak.isMissingNode()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < leak.path("honest_folds").size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), Html.number(leak.path("leaky_folds").get(i)),
                        Html.number(leak.path("honest_folds").get(i))));
            }
            sb.append("<h3 id=\"leakage\">Leakage</h3>").append(Html.table(List.of("fold", "recipe fitted before the folds",
                    "recipe refitted in each fold"), rows));
            sb.append("<p class=\"diagnosis\">").append(Html.escape(leak.path("text").asText())).append("</p>");
        }
        return sb.toString();
    }

    private static List<Charts.Line> curve(JsonNode points, boolean byRows) {
        double[] x = xs(points, byRows);
        return List.of(new Charts.Line("training", x, field(points, "trainMean"), field(points, "trainStd")),
                new Charts.Line("validation", x, field(points, "validationMean"), field(points, "validationStd")));
    }

    /** Numeric values as they are; anything else (e.g. "minmax") by position 1, 2, 3 ... */
    private static double[] xs(JsonNode points, boolean byRows) {
        boolean numeric = true;
        for (JsonNode p : points) {
            numeric &= p.path("value").isNumber();
        }
        double[] x = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = byRows ? points.get(i).path("rows").asDouble() : numeric ? points.get(i).path("value").asDouble() : i + 1;
        }
        return x;
    }

    private static double[] field(JsonNode points, String name) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            double v = points.get(i).path(name).asDouble(Double.NaN);
            out[i] = Double.isNaN(v) ? 0 : v;
        }
        return out;
    }
}
