package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Replaces each categorical column by what the target looks like for its value: the mean target
 * (regression), the share of the second class (binary classification, e.g. survived = "1"), or one
 * share per class (multiclass). Shares are smoothed towards the overall one:
 * (sum + smoothing x prior) / (count + smoothing), so a level seen twice does not get an extreme value.
 * <p>
 * A row's own target must not shape its encoding, or the model learns a leak. So the training rows
 * are encoded out of fold: they are cut into {@code folds} parts (shuffled with {@code seed}) and each
 * part is encoded with statistics of the other parts only. Other rows (test, predict) use the
 * statistics of all training rows; missing and unseen values get the prior.
 */
public record TargetEncoder(CategoricalColumns columns, int folds, double smoothing, long seed) implements Step {
    public static final String SUFFIX = "_te";

    public TargetEncoder {
        if (folds < 2) {
            throw new IllegalArgumentException("target encoding needs at least 2 folds: " + folds);
        }
        if (smoothing < 0) {
            throw new IllegalArgumentException("smoothing must be >= 0: " + smoothing);
        }
    }

    @Override
    public String name() {
        return "target_encode";
    }

    @Override
    public Fitted fit(Table features, Target target) {
        return fit(features, target, outputs(target));
    }

    /** What one encoded column holds per output: a class (its share) or "" (the mean value). */
    static List<String> outputs(Target target) {
        if (!target.isCategorical()) {
            return List.of("");
        }
        List<String> classes = target.classes();
        if (classes.isEmpty()) {
            throw new InputException("features.encode: target encoding needs training rows with a target value;"
                    + " there are none (check the rows left after preprocessing)");
        }
        return classes.size() <= 2 ? List.of(classes.get(classes.size() - 1)) : classes;
    }

    private Fitted fit(Table features, Target target, List<String> outputs) {
        double[][] y = indicators(target, outputs);
        List<Double> prior = new ArrayList<>();
        for (double[] column : y) {
            double sum = 0;
            for (double v : column) {
                sum += v;
            }
            prior.add(sum / column.length);
        }
        List<Fitted.Encoding> encodings = new ArrayList<>();
        for (StringColumn column : columns.of(features, "features.encode_columns")) {
            Map<String, double[]> sums = new java.util.TreeMap<>();  // level -> count, then one sum per output
            for (int i = 0; i < column.size(); i++) {
                if (column.get(i).isEmpty()) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(column.get(i), k -> new double[outputs.size() + 1]);
                s[0]++;
                for (int o = 0; o < outputs.size(); o++) {
                    s[o + 1] += y[o][i];
                }
            }
            List<List<Double>> values = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (double[] s : sums.values()) {
                List<Double> perOutput = new ArrayList<>();
                for (int o = 0; o < outputs.size(); o++) {
                    perOutput.add((s[o + 1] + smoothing * prior.get(o)) / (s[0] + smoothing));
                }
                values.add(perOutput);
                counts.add((int) s[0]);
            }
            encodings.add(new Fitted.Encoding(column.name(), List.copyOf(sums.keySet()), counts, values));
        }
        return new Fitted(smoothing, features.rowCount(), outputs, prior, encodings);
    }

    /** Per output, each row's value: 1/0 for "is this class", or the target value itself. */
    private static double[][] indicators(Target target, List<String> outputs) {
        double[][] y = new double[outputs.size()][target.size()];
        for (int o = 0; o < outputs.size(); o++) {
            for (int i = 0; i < target.size(); i++) {
                y[o][i] = target.isCategorical() ? (target.labels()[i].equals(outputs.get(o)) ? 1 : 0) : target.values()[i];
            }
        }
        return y;
    }

    /** Encodes the training rows out of fold; the returned fitted step holds all-rows statistics. */
    @Override
    public Fit fitTransform(Frame train) {
        List<String> outputs = outputs(train.target());
        Fitted full = fit(train.features(), train.target(), outputs);
        Table encoded = full.apply(train.features(), new ApplyLog());
        int k = Math.min(folds, train.rows());
        if (k < 2 || full.columns().isEmpty()) {
            return new Fit(full, train.withFeatures(encoded), true);
        }
        Map<String, double[]> outOfFold = new LinkedHashMap<>();
        for (String name : full.outputColumns()) {
            outOfFold.put(name, new double[train.rows()]);
        }
        for (Split fold : Splits.kFold(train.target(), k, false, seed)) {
            Frame rest = train.subset(fold.train());
            Table part = fit(rest.features(), rest.target(), outputs)
                    .apply(train.features().rows(fold.test()), new ApplyLog());
            outOfFold.forEach((name, values) -> {
                DoubleColumn partColumn = part.doubleColumn(name);
                int[] rows = fold.test();
                for (int j = 0; j < rows.length; j++) {
                    values[rows[j]] = partColumn.getDouble(j);
                }
            });
        }
        Map<String, DoubleColumn> replacements = new HashMap<>();
        outOfFold.forEach((name, values) -> replacements.put(name, DoubleColumn.create(name, values)));
        return new Fit(full, train.withFeatures(org.workbench.recipe.FeatureColumns.replaced(encoded, replacements, List.of())),
                false);
    }

    /**
     * Smoothed target statistics per level, from {@code trainingRows} rows. {@code outputs} are the
     * classes whose share is encoded ("" for the mean of a numeric target) and {@code prior} their
     * overall share or mean. A column {@code c} becomes {@code c_te} (one output) or {@code c_te=<class>}
     * (one per class), in the column's place.
     */
    @JsonTypeName("target_encode")
    public record Fitted(double smoothing, int trainingRows, List<String> outputs, List<Double> prior,
                                      List<Encoding> columns) implements FittedStep {

        /** One column: per level (sorted), its training count and encoded value per output. */
        public record Encoding(String column, List<String> levels, List<Integer> counts, List<List<Double>> values) {
            public Encoding {
                levels = List.copyOf(levels);
                counts = List.copyOf(counts);
                values = values.stream().map(List::copyOf).toList();
            }
        }

        public Fitted {
            outputs = List.copyOf(outputs);
            prior = List.copyOf(prior);
            columns = List.copyOf(columns);
        }

        List<String> outputColumns() {
            List<String> names = new ArrayList<>();
            for (Encoding e : columns) {
                names.addAll(outputNames(e.column()));
            }
            return names;
        }

        private List<String> outputNames(String column) {
            if (outputs.size() == 1) {
                return List.of(column + TargetEncoder.SUFFIX);
            }
            return outputs.stream().map(o -> column + TargetEncoder.SUFFIX + "=" + o).toList();
        }

        @Override
        public List<String> sources(String output, List<String> inputs) {
            for (Encoding e : columns) {
                if (outputNames(e.column()).contains(output)) {
                    return List.of(e.column());
                }
            }
            return FittedStep.super.sources(output, inputs);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, List<DoubleColumn>> encoded = new HashMap<>();
            for (Encoding e : columns) {
                StringColumn column = FeatureColumns.categorical(features, e.column(), name());
                Map<String, Integer> index = new HashMap<>();
                for (int j = 0; j < e.levels().size(); j++) {
                    index.put(e.levels().get(j), j);
                }
                double[][] values = new double[outputs.size()][column.size()];
                long unknown = 0;
                for (int i = 0; i < column.size(); i++) {
                    Integer j = index.get(column.get(i));
                    unknown += j == null ? 1 : 0;
                    for (int o = 0; o < outputs.size(); o++) {
                        values[o][i] = j == null ? prior.get(o) : e.values().get(j).get(o);
                    }
                }
                log.count("missing or unseen values in " + e.column() + " (encoded as the prior)", unknown);
                List<String> names = outputNames(e.column());
                List<DoubleColumn> out = new ArrayList<>();
                for (int o = 0; o < outputs.size(); o++) {
                    out.add(DoubleColumn.create(names.get(o), values[o]));
                }
                encoded.put(e.column(), out);
            }
            List<Column<?>> out = new ArrayList<>();
            for (Column<?> column : features.columns()) {
                List<DoubleColumn> replacement = encoded.get(column.name());
                if (replacement != null) {
                    out.addAll(replacement);
                } else {
                    out.add(column.copy());
                }
            }
            return FeatureColumns.tableLike(features, out);
        }

        /** E.g. "share of [1] per level, smoothing 10.0, prior [0.3838], ...; Sex: male [0.1923] (n=458), female [0.7388] (n=254)". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no categorical columns to encode";
            }
            String what = outputs.equals(List.of("")) ? "mean target" : "share of " + outputs;
            List<String> parts = new ArrayList<>();
            parts.add(what + " per level, smoothing " + Numbers.format(smoothing) + ", prior "
                    + prior.stream().map(Numbers::format).toList() + ", out of fold on " + trainingRows + " training rows");
            for (Encoding e : columns) {
                // the most frequent levels say the most; ties keep level order
                List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, e.levels().size()).boxed().toList());
                order.sort(java.util.Comparator.comparingInt((Integer j) -> e.counts().get(j)).reversed());
                List<String> shown = new ArrayList<>();
                for (int j : order.subList(0, Math.min(order.size(), 5))) {
                    shown.add(e.levels().get(j) + " " + e.values().get(j).stream().map(Numbers::format).toList()
                            + " (n=" + e.counts().get(j) + ")");
                }
                String more = e.levels().size() > 5 ? ", ... " + (e.levels().size() - 5) + " more" : "";
                parts.add(e.column() + ": " + String.join(", ", shown) + more);
            }
            return String.join("; ", parts);
        }
    }
}
