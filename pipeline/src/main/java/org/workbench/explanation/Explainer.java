package org.workbench.explanation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.data.Task;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Explains a bundle's predictions row by row: reads the rows exactly as {@code predict} does
 * ({@link BatchScorer}), predicts, picks the method the model allows (linear weights, XGBoost's tree
 * SHAP, else {@link ReplacementAttribution}), adds the contributions of the model features that come
 * from the same raw column ({@link Lineage}) and keeps the {@code top} largest by size; the rest are
 * summed into {@code others}, so base + others + the top contributions is the output.
 */
public final class Explainer {
    private Explainer() {
    }

    /** One raw column's part in a row's output, and the row's value of that column as read. */
    public record Contribution(String column, String value, double contribution) {
    }

    /** One row: its prediction, what is explained, its value, the base, the rest beyond the top, the top. */
    public record Row(int row, String prediction, String explained, double output, double base, double others,
                      List<Contribution> top) {
    }

    /** Every row, the method used, whether it adds up, and notes for the user (as {@code predict}'s). */
    public record Result(String method, boolean additive, List<Row> rows, List<String> notes) {
    }

    public static Result explain(Bundle bundle, Path input, int top) {
        if (top < 1) {
            throw new InputException("--top " + top + ": give at least 1 column per row");
        }
        BatchScorer.Result scored = BatchScorer.score(bundle, input);
        Table raw = scored.rows();
        Lineage lineage = Lineage.trace(bundle.recipe(), raw, new ApplyLog());
        Attributions a = attributions(bundle, raw, lineage, scored.predictions());
        boolean byRawColumn = a.method().equals(ReplacementAttribution.METHOD);
        List<String> groups = byRawColumn ? a.names() : lineage.groups(a.names());
        int[] groupOf = new int[a.names().size()];
        for (int j = 0; j < groupOf.length; j++) {
            groupOf[j] = groups.indexOf(byRawColumn ? a.names().get(j) : lineage.group(a.names().get(j)));
        }
        List<Row> rows = new ArrayList<>(a.rows());
        Predictions p = scored.predictions();
        for (int i = 0; i < a.rows(); i++) {
            double[] sums = new double[groups.size()];
            for (int j = 0; j < groupOf.length; j++) {
                sums[groupOf[j]] += a.contributions()[i][j];
            }
            Integer[] order = new Integer[groups.size()];
            for (int g = 0; g < order.length; g++) {
                order[g] = g;
            }
            java.util.Arrays.sort(order, (x, y) -> {
                int bySize = Double.compare(Math.abs(sums[y]), Math.abs(sums[x]));
                return bySize != 0 ? bySize : groups.get(x).compareTo(groups.get(y));
            });
            List<Contribution> best = new ArrayList<>();
            double others = 0;
            for (int k = 0; k < order.length; k++) {
                String group = groups.get(order[k]);
                if (k < top) {
                    best.add(new Contribution(group, value(raw, group, i), sums[order[k]]));
                } else {
                    others += sums[order[k]];
                }
            }
            String prediction = p.labels() != null ? p.labels()[i] : Double.toString(p.values()[i]);
            rows.add(new Row(scored.rowNumbers()[i], prediction, a.explained()[i], a.output()[i], a.base()[i],
                    others, best));
        }
        List<String> notes = new ArrayList<>(scored.notes());
        notes.add("explained by " + a.method() + (lineage.rawColumns().values().stream().anyMatch(c -> c.size() > 1)
                ? "; a feature made from several columns is reported under their names joined by '" + Lineage.JOINT.strip() + "'"
                : ""));
        return new Result(a.method(), a.additive(), rows, notes);
    }

    /**
     * Contributions per model feature (or per raw column, for the replacement method) of the rows
     * {@code raw}, traced through the recipe by {@code lineage}, whose predictions are {@code predictions}.
     */
    public static Attributions attributions(Bundle bundle, Table raw, Lineage lineage, Predictions predictions) {
        Table processed = lineage.processed();
        Model<?> model = bundle.model().tribuoModel();
        Task task = bundle.model().task();
        if (task == Task.CLUSTERING) {
            throw new InputException("explain: this bundle holds a clustering model, whose clusters have no score to explain;"
                    + " explain a classification or regression bundle");
        }
        String target = bundle.manifest().target();
        List<String> classes = bundle.model().classes();
        String[] explained = task == Task.CLASSIFICATION ? Explained.classes(bundle.manifest(), classes, predictions) : null;
        if (model instanceof AbstractLinearSGDModel<?> linear) {
            return LinearAttribution.of(linear, processed, target, explained, classes);
        }
        if (model instanceof XGBoostModel<?> trees) {
            return TreeShapAttribution.of(trees, processed, target, explained, classes);
        }
        List<String> used = new ArrayList<>();
        for (String column : raw.columnNames()) {
            if (bundle.model().featureNames().stream().anyMatch(f -> lineage.rawColumns().getOrDefault(f, List.of(f)).contains(column))) {
                used.add(column);
            }
        }
        return ReplacementAttribution.of(bundle, raw, used, predictions, target, explained);
    }

    /** The row's raw value of a column, as text ("" when missing, or for a group of several columns). */
    private static String value(Table raw, String column, int row) {
        if (!raw.containsColumn(column)) {
            return "";
        }
        Column<?> c = raw.column(column);
        if (c instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            return Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return c.getString(row);
    }

    /** For the tests: the contributions of one row by group, before the top is cut. */
    static Map<String, Double> grouped(Attributions a, Lineage lineage, int row) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < a.names().size(); j++) {
            out.merge(lineage.group(a.names().get(j)), a.contributions()[row][j], Double::sum);
        }
        return out;
    }
}
