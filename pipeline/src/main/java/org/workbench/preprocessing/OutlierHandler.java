package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.ColumnStats;

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
    public FittedOutliers fit(Table train) {
        for (String name : columns) {
            if (!train.columnNames().contains(name) || !(train.column(name) instanceof DoubleColumn)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException("preprocess.outliers.columns: no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        List<FittedOutliers.Bounds> bounds = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof DoubleColumn numbers && (columns.isEmpty() || columns.contains(column.name()))) {
                double[] present = ColumnStats.present(numbers.asDoubleArray());
                if (present.length > 0) {
                    bounds.add(bounds(column.name(), present));
                }
            }
        }
        String rule = method.equals("iqr") ? "iqr factor " + factor : "zscore threshold " + threshold;
        return new FittedOutliers(rule, action, train.rowCount(), bounds, 0);
    }

    private FittedOutliers.Bounds bounds(String name, double[] present) {
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
        return new FittedOutliers.Bounds(name, lower, upper, outside);
    }

    /** With action drop, removes the training rows outside any column's bounds. */
    @Override
    public Fit fitTransform(Frame train) {
        FittedOutliers fitted = fit(train.features());
        if (!action.equals("drop")) {
            return new Fit(fitted, train.withFeatures(fitted.apply(train.features(), new ApplyLog())), true);
        }
        int[] kept = fitted.rowsInside(train.features());
        Frame rows = train.subset(kept);
        FittedOutliers withCount = fitted.withDroppedRows(train.rows() - kept.length);
        return new Fit(withCount, rows.withFeatures(withCount.apply(rows.features(), new ApplyLog())),
                kept.length == train.rows());
    }
}
