package org.workbench.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Smoothed target statistics per level, from {@code trainingRows} rows. {@code outputs} are the
 * classes whose share is encoded ("" for the mean of a numeric target) and {@code prior} their
 * overall share or mean. A column {@code c} becomes {@code c_te} (one output) or {@code c_te=<class>}
 * (one per class), in the column's place.
 */
public record FittedTargetEncoder(double smoothing, int trainingRows, List<String> outputs, List<Double> prior,
                                  List<Encoding> columns) implements FittedStep {

    /** One column: per level (sorted), its training count and encoded value per output. */
    public record Encoding(String column, List<String> levels, List<Integer> counts, List<List<Double>> values) {
        public Encoding {
            levels = List.copyOf(levels);
            counts = List.copyOf(counts);
            values = values.stream().map(List::copyOf).toList();
        }
    }

    public FittedTargetEncoder {
        outputs = List.copyOf(outputs);
        prior = List.copyOf(prior);
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "target_encode";
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
