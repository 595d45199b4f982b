package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.Numbers;

/**
 * Outlier bounds per column, fitted on {@code trainingRows} rows by {@code rule}, and the action:
 * clip values to the bounds, flag them in a {@code <name>_outlier} column, or (drop) leave rows
 * alone outside training, counting the outliers seen.
 */
public record FittedOutliers(String rule, String action, int trainingRows, List<Bounds> columns, int droppedRows)
        implements FittedStep {
    public static final String FLAG_SUFFIX = "_outlier";

    /** The fitted bounds of one column and how many training values fell outside them. */
    public record Bounds(String column, double lower, double upper, int trainingOutliers) {
        boolean outside(double v) {
            return v < lower || v > upper;  // NaN is neither
        }
    }

    public FittedOutliers {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "outliers";
    }

    FittedOutliers withDroppedRows(int dropped) {
        return new FittedOutliers(rule, action, trainingRows, columns, dropped);
    }

    int[] rowsInside(Table features) {
        boolean[] out = new boolean[features.rowCount()];
        for (Bounds b : columns) {
            DoubleColumn c = FeatureColumns.numeric(features, b.column(), name());
            for (int i = 0; i < out.length; i++) {
                out[i] |= b.outside(c.getDouble(i));
            }
        }
        return IntStream.range(0, out.length).filter(i -> !out[i]).toArray();
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        Map<String, DoubleColumn> clipped = new HashMap<>();
        List<DoubleColumn> flags = new ArrayList<>();
        for (Bounds b : columns) {
            double[] values = FeatureColumns.numeric(features, b.column(), name()).asDoubleArray();
            double[] flag = new double[values.length];
            long outside = 0;
            for (int i = 0; i < values.length; i++) {
                if (b.outside(values[i])) {
                    outside++;
                    flag[i] = 1;
                    values[i] = Math.max(b.lower(), Math.min(b.upper(), values[i]));
                }
            }
            switch (action) {
                case "clip" -> {
                    clipped.put(b.column(), DoubleColumn.create(b.column(), values));
                    log.count("outliers clipped in " + b.column(), outside);
                }
                case "flag" -> flags.add(DoubleColumn.create(b.column() + FLAG_SUFFIX, flag));
                default -> log.count("outliers kept in " + b.column() + " (only training rows are dropped)", outside);
            }
        }
        List<Column<?>> out = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            Column<?> replaced = clipped.get(column.name());
            out.add(replaced != null ? replaced : column.copy());
        }
        out.addAll(flags);
        return FeatureColumns.tableLike(features, out);
    }

    /** E.g. "iqr factor 1.5, clip: Fare [-26.72, 65.63] (92 training outliers)". */
    @Override
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Bounds b : columns) {
            parts.add(b.column() + " [" + Numbers.format(b.lower()) + ", " + Numbers.format(b.upper()) + "] ("
                    + b.trainingOutliers() + " training outliers)");
        }
        String head = rule + ", " + action + (droppedRows > 0 ? " (removed " + droppedRows + " of " + trainingRows
                + " training rows)" : "");
        return parts.isEmpty() ? head + ": no numeric columns" : head + ": " + String.join("; ", parts);
    }
}
