package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rescales every numeric column with statistics of the training rows; categorical columns are left
 * alone. Missing values (NaN) are ignored when fitting and stay NaN.
 * <ul>
 *   <li>standard: (x - mean) / std, with the population standard deviation (divide by n, not n - 1),
 *       which is what scikit-learn's {@code StandardScaler} uses (ddof = 0), so results match it;</li>
 *   <li>minmax: (x - min) / (max - min), mapping the training range onto [0, 1].</li>
 * </ul>
 * A constant column (std or range 0) is only shifted, as scikit-learn does, instead of dividing by 0.
 */
public record Scaler(String method) implements Step {
    public static final List<String> METHODS = List.of("standard", "minmax");

    public Scaler {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("scaling method must be one of " + METHODS + ": " + method);
        }
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public FittedScaler fit(Table train) {
        List<FittedScaler.ColumnScale> scales = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof DoubleColumn numbers) {
                scales.add(method.equals("standard") ? standard(numbers) : minmax(numbers));
            }
        }
        return new FittedScaler(method, scales);
    }

    private static FittedScaler.ColumnScale standard(DoubleColumn column) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.getDouble(i);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return FittedScaler.ColumnScale.unchanged(column.name());
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.getDouble(i);
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new FittedScaler.ColumnScale(column.name(), mean, Math.sqrt(squares / n));
    }

    private static FittedScaler.ColumnScale minmax(DoubleColumn column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < column.size(); i++) {
            double v = column.getDouble(i);
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return FittedScaler.ColumnScale.unchanged(column.name());
        }
        return new FittedScaler.ColumnScale(column.name(), min, max - min);
    }
}
