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
import tech.tablesaw.api.Table;

/** Per binned column, the inner bin edges in increasing order; a value's bin is the number of edges <= it. */
public record FittedBins(List<Edges> columns) implements FittedStep {

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

    public FittedBins {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "bin";
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
