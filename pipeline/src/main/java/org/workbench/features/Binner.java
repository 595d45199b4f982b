package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Replaces numeric columns by their bin number 0 .. n-1, with bin edges fitted on the training rows:
 * {@code equal_width} cuts [min, max] into n equal parts, {@code quantile} puts about the same number
 * of training rows in each bin (equal edges merge, so there may be fewer bins). A value equal to an
 * edge goes to the bin above it; values beyond the training range go to the first or last bin.
 */
public record Binner(Map<String, Integer> bins, String method) implements UnsupervisedStep {
    public static final List<String> METHODS = List.of("quantile", "equal_width");

    public Binner {
        bins = Map.copyOf(bins);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("binning method must be one of " + METHODS + ": " + method);
        }
    }

    @Override
    public String name() {
        return "bin";
    }

    @Override
    public Fitted fit(Table train) {
        List<Fitted.Edges> fitted = new ArrayList<>();
        for (String name : train.columnNames()) {
            Integer n = bins.get(name);
            if (n == null) {
                continue;
            }
            String path = "features.bins." + name;
            if (n < 2) {
                throw new InputException(path + ": needs at least 2 bins, got " + n);
            }
            double[] sorted = ColumnStats.sorted(ColumnStats.present(FeatureColumns.numeric(train, name, path).asDoubleArray()));
            TreeSet<Double> edges = new TreeSet<>();
            if (sorted.length > 0) {
                double min = sorted[0];
                double max = sorted[sorted.length - 1];
                for (int i = 1; i < n; i++) {
                    double edge = method.equals("quantile") ? ColumnStats.quantile(sorted, (double) i / n)
                            : min + i * (max - min) / n;
                    if (edge > min && edge <= max) {
                        edges.add(edge);
                    }
                }
            }
            fitted.add(new Fitted.Edges(name, method, List.copyOf(edges)));
        }
        for (String name : bins.keySet()) {
            if (!train.columnNames().contains(name)) {
                throw new InputException("features.bins." + name + ": no column '" + name + "'");
            }
        }
        return new Fitted(fitted);
    }

    /** Per binned column, the inner bin edges in increasing order; a value's bin is the number of edges <= it. */
    @JsonTypeName("bin")
    public record Fitted(List<Edges> columns) implements FittedStep {

        /** One column's inner edges (n bins have n - 1 of them). */
        public record Edges(String column, String method, List<Double> edges) {
            public Edges {
                edges = List.copyOf(edges);
            }

            double bin(double x) {
                if (Double.isNaN(x)) {
                    return x;
                }
                int below = 0;
                while (below < edges.size() && edges.get(below) <= x) {
                    below++;
                }
                return below;
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, DoubleColumn> replaced = new HashMap<>();
            for (Edges e : columns) {
                double[] values = FeatureColumns.numeric(features, e.column(), name()).asDoubleArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = e.bin(values[i]);
                }
                replaced.put(e.column(), DoubleColumn.create(e.column(), values));
            }
            return FeatureColumns.replaced(features, replaced, List.of());
        }

        /** E.g. "Age: 4 quantile bins, edges 20.12, 28.0, 38.0". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no columns to bin";
            }
            List<String> parts = new ArrayList<>();
            for (Edges e : columns) {
                parts.add(e.column() + ": " + (e.edges().size() + 1) + " " + e.method() + " bins, edges "
                        + String.join(", ", e.edges().stream().map(Numbers::format).toList()));
            }
            return String.join("; ", parts);
        }
    }
}
