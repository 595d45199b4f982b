package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.Numbers;

/** Applies x -> (x - center) / spread per numeric column, with the statistics of the training rows. */
public record FittedScaler(String method, List<ColumnScale> columns) implements FittedStep {

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

    public FittedScaler {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "scale";
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
