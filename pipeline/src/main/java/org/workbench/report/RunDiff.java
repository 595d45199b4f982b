package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workbench.core.Json;
import org.workbench.evaluation.MetricTable;
import org.workbench.training.TrainingRecord;

/**
 * The difference between two runs, like {@code dvc params diff} and {@code dvc metrics diff}: config
 * values that differ, and every metric side by side with its change. Read from each run's
 * {@code run.json}. The metrics start with the {@code final} block (the bundle's model on the test
 * rows); a run written before that block existed gets one from its tuned or evaluated test scores.
 */
public record RunDiff(String nameA, String nameB, String finalA, String finalB, List<Row> params, List<Row> metrics) {

    /** One path: its value in run A and in run B (null when absent), and B - A for numbers. */
    public record Row(String path, String a, String b, Double change) {
    }

    public static RunDiff of(Path runA, Path runB) {
        RunRecord a = RunRecord.read(runA);
        RunRecord b = RunRecord.read(runB);
        List<Row> params = new ArrayList<>();
        Map<String, JsonNode> pa = flatten(config(a), false);
        Map<String, JsonNode> pb = flatten(config(b), false);
        for (String path : union(pa.keySet(), pb.keySet())) {
            String va = text(pa.get(path));
            String vb = text(pb.get(path));
            if (!java.util.Objects.equals(va, vb)) {
                params.add(new Row(path, va, vb, null));
            }
        }
        List<Row> metrics = new ArrayList<>();
        RunMetrics.Final finalA = finalBlock(a);
        RunMetrics.Final finalB = finalBlock(b);
        Map<String, JsonNode> ma = flatten(finalFirst(a.metrics(), finalA), true);
        Map<String, JsonNode> mb = flatten(finalFirst(b.metrics(), finalB), true);
        List<String> paths = new ArrayList<>(union(ma.keySet(), mb.keySet()));
        paths.sort(java.util.Comparator.comparing(p -> !p.startsWith("final."))); // stable: the final block first
        for (String path : paths) {
            JsonNode va = ma.get(path);
            JsonNode vb = mb.get(path);
            if (va != null && !va.isNumber() || vb != null && !vb.isNumber()) {
                continue;
            }
            Double change = va != null && vb != null ? vb.doubleValue() - va.doubleValue() : null;
            metrics.add(new Row(path, va == null ? null : Html.number(va), vb == null ? null : Html.number(vb), change));
        }
        return new RunDiff(label(runA, a), label(runB, b), describe(finalA), describe(finalB), params, metrics);
    }

    private static JsonNode config(RunRecord run) {
        return run.config() == null ? Json.MAPPER.createObjectNode() : run.config();
    }

    /**
     * The run's {@code final} block; for runs without one, rebuilt from what they recorded: the tuning
     * stage's test scores when it adopted a setting, else the evaluation's (with no threshold); null
     * when the run stopped before evaluation.
     */
    static RunMetrics.Final finalBlock(RunRecord run) {
        RunMetrics metrics = run.metrics();
        if (metrics == null) {
            return null;
        }
        if (metrics.finalModel() != null) {
            return metrics.finalModel();
        }
        boolean tuned = metrics.tuning() != null && Boolean.TRUE.equals(metrics.tuning().adopted());
        Map<String, Double> test = tuned ? metrics.tuning().test() : metrics.evaluation() == null ? null : metrics.evaluation().test();
        if (test == null) {
            return null;
        }
        String model = run.record(TrainingRecord.class).map(TrainingRecord::model).orElse("?");
        return new RunMetrics.Final(model, tuned, null, test);
    }

    /** The metrics as JSON (as run.json holds them), with the final block first. */
    private static JsonNode finalFirst(RunMetrics metrics, RunMetrics.Final finalBlock) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (finalBlock != null) {
            out.set("final", Html.tree(finalBlock));
        }
        if (metrics != null) {
            Html.tree(metrics).fields().forEachRemaining(e -> {
                if (!e.getKey().equals("final")) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    /** e.g. "random_forest (adopted by tuning), threshold 0.3712 on '1' (f1)". */
    private static String describe(RunMetrics.Final finalBlock) {
        if (finalBlock == null) {
            return "none (the run stopped before evaluation)";
        }
        StringBuilder sb = new StringBuilder(finalBlock.model() == null ? "?" : finalBlock.model());
        if (finalBlock.tuned()) {
            sb.append(" (adopted by tuning)");
        }
        RunMetrics.Threshold t = finalBlock.threshold();
        if (t != null) {
            sb.append(String.format(Locale.ROOT, ", threshold %.4f on '%s' (%s)", t.value(), t.positiveClass(), t.rule()));
        }
        return sb.toString();
    }

    /** Both tables as aligned plain text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(nameA).append('\n').append("B: ").append(nameB).append("\n\n");
        sb.append("final model (what each bundle holds; metrics final.test.*):\n");
        sb.append("  A: ").append(finalA).append('\n').append("  B: ").append(finalB).append("\n\n");
        sb.append("params (config values that differ):\n");
        if (params.isEmpty()) {
            sb.append("  none\n");
        }
        int w = Math.max(30, params.stream().mapToInt(r -> r.path().length()).max().orElse(0));
        params.forEach(r -> sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %-14s  %-14s%n", r.path(), show(r.a()), show(r.b()))));
        sb.append("\nmetrics:\n");
        int m = Math.max(30, metrics.stream().mapToInt(r -> r.path().length()).max().orElse(0));
        MetricTable table = metricTable();
        table.text(table.header(), "  ", m, 10, "  ").forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }

    /** Both tables as a self-contained HTML page. */
    public String html() {
        String params = this.params.isEmpty() ? "<p>none</p>" : Html.table(List.of("path", "A", "B"), this.params.stream()
                .map(r -> List.of("<code>" + Html.escape(r.path()) + "</code>", Html.escape(show(r.a())), Html.escape(show(r.b())))).toList());
        String metrics = Html.table(metricTable(), p -> "<code>" + Html.escape(p) + "</code>");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Workbench: compare runs</title><style>"
                + Style.CSS + "</style></head><body><header><h1>Compare runs</h1><p>A: " + Html.escape(nameA) + "<br>B: "
                + Html.escape(nameB) + "</p><p>final model (what each bundle holds; metrics final.test.*): A "
                + Html.escape(finalA) + "; B " + Html.escape(finalB) + "</p></header><main>" + Html.section("params", "Params that differ", params)
                + Html.section("metrics", "Metrics", metrics) + "</main></body></html>\n";
    }

    /** The metrics side by side: each path's value in A and B (as recorded) and the change. */
    MetricTable metricTable() {
        return new MetricTable(List.of("path", "A", "B", "change"), metrics.stream().map(r -> new MetricTable.Row(r.path(),
                List.<MetricTable.Cell>of(new MetricTable.Text(r.a()), new MetricTable.Text(r.b()), new MetricTable.Change(r.change()))))
                .toList());
    }

    private static String show(String v) {
        return v == null ? "-" : v;
    }

    private static String label(Path dir, RunRecord run) {
        return run.name() + " (" + dir + ")";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String text(JsonNode v) {
        return v == null ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /**
     * Dotted paths to values. In metrics, lists of two numbers (cross-validation mean and std) become
     * {@code .mean} and {@code .std}; other lists are kept whole; lists of objects are left out.
     */
    static Map<String, JsonNode> flatten(JsonNode node, boolean metrics) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten("", node, out, metrics);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out, boolean metrics) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                flatten(prefix.isEmpty() ? key : prefix + "." + key, node.get(key), out, metrics);
            }
        } else if (node.isArray()) {
            if (metrics && node.size() == 2 && node.get(0).isNumber() && (node.get(1).isNumber() || node.get(1).isTextual())) {
                out.put(prefix + ".mean", node.get(0));
                out.put(prefix + ".std", node.get(1));
            } else if (node.isEmpty() || !node.get(0).isObject()) {
                out.put(prefix, node);
            }
        } else if (!node.isMissingNode()) {
            out.put(prefix, node);
        }
    }
}
