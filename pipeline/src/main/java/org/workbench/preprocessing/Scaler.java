package org.workbench.preprocessing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
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
 * Rescales numeric columns as x -> (x - center) / spread with statistics of the training rows;
 * categorical columns are left alone. Missing values (NaN) are ignored when fitting and stay NaN.
 * <ul>
 *   <li>standard: center mean, spread population std (ddof = 0, as scikit-learn's {@code StandardScaler});</li>
 *   <li>minmax: center min, spread max - min, mapping the training range onto [0, 1];</li>
 *   <li>robust: center median, spread IQR (q3 - q1), little moved by outliers;</li>
 *   <li>maxabs: center 0, spread max |x|, mapping onto [-1, 1] and keeping zeros at zero;</li>
 *   <li>none: leaves the column as it is.</li>
 * </ul>
 * {@code method} is the default; {@code columns} overrides it per column. A constant column (spread 0)
 * is only shifted, as scikit-learn does, instead of dividing by 0.
 */
public record Scaler(String method, Map<String, String> columns) implements UnsupervisedStep {
    public static final List<String> METHODS = List.of("standard", "minmax", "robust", "maxabs", "none");

    public Scaler {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("scaling method must be one of " + METHODS + ": " + method);
        }
        columns = Map.copyOf(columns);
    }

    public Scaler(String method) {
        this(method, Map.of());
    }

    /** True when no column would be scaled. */
    public boolean scalesNothing() {
        return method.equals("none") && columns.values().stream().allMatch("none"::equals);
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public Fitted fit(Table train) {
        columns.forEach((name, m) -> {
            if (!train.columnNames().contains(name) || !(train.column(name) instanceof DoubleColumn)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException("preprocess.scale_columns." + name + ": no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
            if (!METHODS.contains(m)) {
                throw new InputException("preprocess.scale_columns." + name + ": '" + m + "' is not one of " + METHODS);
            }
        });
        List<Fitted.ColumnScale> scales = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            String m = columns.getOrDefault(column.name(), method);
            if (column instanceof DoubleColumn numbers && !m.equals("none")) {
                scales.add(scale(column.name(), m, ColumnStats.present(numbers.asDoubleArray())));
            }
        }
        return new Fitted(method, scales);
    }

    static Fitted.ColumnScale scale(String name, String method, double[] present) {
        if (present.length == 0) {
            return Fitted.ColumnScale.unchanged(name, method);
        }
        return switch (method) {
            case "standard" -> {
                double mean = ColumnStats.mean(present);
                yield new Fitted.ColumnScale(name, method, mean, ColumnStats.populationStd(present, mean));
            }
            case "minmax" -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double v : present) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                yield new Fitted.ColumnScale(name, method, min, max - min);
            }
            case "robust" -> {
                double[] sorted = ColumnStats.sorted(present);
                yield new Fitted.ColumnScale(name, method, ColumnStats.quantile(sorted, 0.5),
                        ColumnStats.quantile(sorted, 0.75) - ColumnStats.quantile(sorted, 0.25));
            }
            case "maxabs" -> {
                double max = 0;
                for (double v : present) {
                    max = Math.max(max, Math.abs(v));
                }
                yield new Fitted.ColumnScale(name, method, 0, max);
            }
            default -> throw new IllegalStateException("unknown scaling method " + method);
        };
    }

    /** Applies x -> (x - center) / spread per numeric column, with the statistics of the training rows. */
    @JsonTypeName("scale")
    public record Fitted(String method, List<ColumnScale> columns) implements FittedStep {

        /**
         * One column's method and statistics (see {@link Scaler} for what center and spread are per
         * method). A spread of 0 divides by 1 instead.
         */
        public record ColumnScale(String column, String method, double center, double spread) {
            /** For a column without any value at fit time: leave it as it is. */
            static ColumnScale unchanged(String column, String method) {
                return new ColumnScale(column, method, 0, 0);
            }

            double scale(double value) {
                return (value - center) / (spread == 0 ? 1 : spread);
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, DoubleColumn> scaled = new HashMap<>();
            for (ColumnScale s : columns) {
                DoubleColumn column = FeatureColumns.numeric(features, s.column(), name());
                double[] values = column.asDoubleArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = s.scale(values[i]);  // NaN stays NaN
                }
                scaled.put(s.column(), DoubleColumn.create(s.column(), values));
            }
            List<Column<?>> out = new ArrayList<>();
            for (Column<?> column : features.columns()) {
                Column<?> replaced = scaled.get(column.name());
                out.add(replaced != null ? replaced : column.copy());
            }
            return FeatureColumns.tableLike(features, out);
        }

        /** E.g. "standard (population std): Age mean 29.7 std 14.53; Fare (robust) median 14.45 IQR 23.09". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return method + ": no numeric columns to scale";
            }
            List<String> parts = new ArrayList<>();
            for (ColumnScale s : columns) {
                String own = s.method().equals(method) ? "" : " (" + s.method() + ")";
                String[] names = switch (s.method()) {
                    case "standard" -> new String[] {" mean ", " std "};
                    case "minmax" -> new String[] {" min ", " range "};
                    case "robust" -> new String[] {" median ", " IQR "};
                    default -> new String[] {" center ", " max|x| "};
                };
                parts.add(s.column() + own + names[0] + Numbers.format(s.center()) + names[1] + Numbers.format(s.spread()));
            }
            return (method.equals("standard") ? "standard (population std): " : method + ": ") + String.join("; ", parts);
        }
    }
}
