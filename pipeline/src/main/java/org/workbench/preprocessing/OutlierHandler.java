package org.workbench.preprocessing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Finds outliers per numeric column with bounds fitted on the training rows, then acts on them.
 * <ul>
 *   <li>iqr: outside [q1 - factor * IQR, q3 + factor * IQR] (quartiles interpolated as numpy does);</li>
 *   <li>zscore: more than {@code threshold} population standard deviations from the mean.</li>
 * </ul>
 * Actions: clip (to the fitted bounds, on every row), flag (adds a 0/1 column {@code <name>_outlier}),
 * drop (removes outlying training rows only: test and prediction rows are never dropped, only counted).
 * {@code columns} limits the step to those columns (all numeric columns when empty).
 */
public record OutlierHandler(String method, double factor, double threshold, String action, List<String> columns)
        implements UnsupervisedStep {
    public static final List<String> METHODS = List.of("iqr", "zscore");
    public static final List<String> ACTIONS = List.of("clip", "drop", "flag");

    public OutlierHandler {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("outlier method must be one of " + METHODS + ": " + method);
        }
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("outlier action must be one of " + ACTIONS + ": " + action);
        }
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "outliers";
    }

    @Override
    public Fitted fit(Table train) {
        for (String name : columns) {
            if (!train.columnNames().contains(name) || !(train.column(name) instanceof DoubleColumn)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException("preprocess.outliers.columns: no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        List<Fitted.Bounds> bounds = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof DoubleColumn numbers && (columns.isEmpty() || columns.contains(column.name()))) {
                double[] present = ColumnStats.present(numbers.asDoubleArray());
                if (present.length > 0) {
                    bounds.add(bounds(column.name(), present));
                }
            }
        }
        String rule = method.equals("iqr") ? "iqr factor " + factor : "zscore threshold " + threshold;
        return new Fitted(rule, action, train.rowCount(), bounds, 0);
    }

    private Fitted.Bounds bounds(String name, double[] present) {
        double lower;
        double upper;
        if (method.equals("iqr")) {
            double[] sorted = ColumnStats.sorted(present);
            double q1 = ColumnStats.quantile(sorted, 0.25);
            double q3 = ColumnStats.quantile(sorted, 0.75);
            lower = q1 - factor * (q3 - q1);
            upper = q3 + factor * (q3 - q1);
        } else {
            double mean = ColumnStats.mean(present);
            double std = ColumnStats.populationStd(present, mean);
            lower = mean - threshold * std;
            upper = mean + threshold * std;
        }
        int outside = 0;
        for (double v : present) {
            if (v < lower || v > upper) {
                outside++;
            }
        }
        return new Fitted.Bounds(name, lower, upper, outside);
    }

    /** With action drop, removes the training rows outside any column's bounds. */
    @Override
    public Fit fitTransform(Frame train) {
        Fitted fitted = fit(train.features());
        if (!action.equals("drop")) {
            return new Fit(fitted, train.withFeatures(fitted.apply(train.features(), new ApplyLog())), true);
        }
        int[] kept = fitted.rowsInside(train.features());
        Frame rows = train.subset(kept);
        Fitted withCount = fitted.withDroppedRows(train.rows() - kept.length);
        return new Fit(withCount, rows.withFeatures(withCount.apply(rows.features(), new ApplyLog())),
                kept.length == train.rows());
    }

    /**
     * Outlier bounds per column, fitted on {@code trainingRows} rows by {@code rule}, and the action:
     * clip values to the bounds, flag them in a {@code <name>_outlier} column, or (drop) leave rows
     * alone outside training, counting the outliers seen.
     */
    @JsonTypeName("outliers")
    public record Fitted(String rule, String action, int trainingRows, List<Bounds> columns, int droppedRows)
            implements FittedStep {
        public static final String FLAG_SUFFIX = "_outlier";

        /** The fitted bounds of one column and how many training values fell outside them. */
        public record Bounds(String column, double lower, double upper, int trainingOutliers) {
            boolean outside(double v) {
                return v < lower || v > upper;  // NaN is neither
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        Fitted withDroppedRows(int dropped) {
            return new Fitted(rule, action, trainingRows, columns, dropped);
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
        public List<String> sources(String output, List<String> inputs) {
            for (Bounds b : columns) {
                if (output.equals(b.column() + FLAG_SUFFIX) && !inputs.contains(output)) {
                    return List.of(b.column());
                }
            }
            return FittedStep.super.sources(output, inputs);
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
}
