package org.workbench.explanation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.Table;

/**
 * Which raw input columns each processed feature comes from, found by replaying the fitted recipe step
 * by step and asking each step where its output columns come from ({@link FittedStep#sources}).
 * A feature made from one raw column is reported under that column; one made from several (a
 * product, a derived expression) under their names joined by {@link #JOINT}, in sorted order, so
 * its contribution is never split by a guess; one no step can trace keeps its own name.
 */
public record Lineage(Table processed, Map<String, List<String>> rawColumns) {
    /** Joins the raw columns of a feature made from several of them, e.g. "Age & Fare". */
    public static final String JOINT = " & ";

    /** Applies {@code recipe} to {@code raw}, tracing every column it makes back to the raw ones. */
    public static Lineage trace(FittedRecipe recipe, Table raw, ApplyLog log) {
        Map<String, List<String>> roots = new HashMap<>();
        raw.columnNames().forEach(c -> roots.put(c, List.of(c)));
        Table current = raw;
        for (FittedStep step : recipe.steps()) {
            Table next = step.apply(current, log);
            List<String> inputs = current.columnNames();
            Map<String, List<String>> traced = new HashMap<>();
            for (String output : next.columnNames()) {
                TreeSet<String> from = new TreeSet<>();
                for (String source : step.sources(output, inputs)) {
                    from.addAll(roots.getOrDefault(source, List.of(source)));
                }
                traced.put(output, from.isEmpty() ? List.of(output) : List.copyOf(from));
            }
            roots.clear();
            roots.putAll(traced);
            current = next;
        }
        return new Lineage(current, Map.copyOf(roots));
    }

    /** The name a feature's contribution is reported under: its raw column, or several joined. */
    public String group(String feature) {
        List<String> from = rawColumns.getOrDefault(feature, List.of(feature));
        return String.join(JOINT, from);
    }

    /** The raw columns of every feature of {@code features}, in the order first met. */
    public List<String> groups(List<String> features) {
        List<String> out = new ArrayList<>();
        for (String f : features) {
            String g = group(f);
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }
}
