package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.Numbers;

/**
 * The fill value of every imputed column, learned from {@code trainingRows} rows, with how many
 * values were missing there. Columns without a fill (strategy "none") pass through unchanged.
 * {@code indicators} are the columns that get a 0/1 {@code <name>_missing} column (appended after
 * the other columns, in this order); {@code droppedRows} training rows were removed by drop_rows.
 */
public record FittedImputer(int trainingRows, List<NumberFill> numeric, List<TextFill> categorical,
                            List<String> indicators, int droppedRows) implements FittedStep {
    public static final String INDICATOR_SUFFIX = "_missing";

    /** A numeric column's fill value and the strategy that produced it. */
    public record NumberFill(String column, String strategy, double value, int missing) {
    }

    /** A categorical column's fill value and the strategy that produced it. */
    public record TextFill(String column, String strategy, String value, int missing) {
    }

    public FittedImputer {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        indicators = List.copyOf(indicators);
    }

    public FittedImputer(int trainingRows, List<NumberFill> numeric, List<TextFill> categorical) {
        this(trainingRows, numeric, categorical, List.of(), 0);
    }

    @Override
    public String name() {
        return "impute";
    }

    FittedImputer withDroppedRows(int originalRows, int dropped) {
        return new FittedImputer(originalRows, numeric, categorical, indicators, dropped);
    }

    /** Rows without a gap in any drop_rows column. */
    int[] rowsWithoutGapsInDropColumns(Table features) {
        boolean[] drop = new boolean[features.rowCount()];
        for (NumberFill f : numeric) {
            if (f.strategy().equals("drop_rows")) {
                DoubleColumn c = FeatureColumns.numeric(features, f.column(), name());
                for (int i = 0; i < drop.length; i++) {
                    drop[i] |= Double.isNaN(c.getDouble(i));
                }
            }
        }
        for (TextFill f : categorical) {
            if (f.strategy().equals("drop_rows")) {
                StringColumn c = FeatureColumns.categorical(features, f.column(), name());
                for (int i = 0; i < drop.length; i++) {
                    drop[i] |= c.get(i).isEmpty();
                }
            }
        }
        return IntStream.range(0, drop.length).filter(i -> !drop[i]).toArray();
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        Map<String, Column<?>> filled = new HashMap<>();
        for (NumberFill fill : numeric) {
            DoubleColumn column = FeatureColumns.numeric(features, fill.column(), name());
            filled.put(fill.column(), fill(column, fill, log));
        }
        for (TextFill fill : categorical) {
            StringColumn column = FeatureColumns.categorical(features, fill.column(), name());
            filled.put(fill.column(), fill(column, fill, log));
        }
        List<Column<?>> out = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            Column<?> replaced = filled.get(column.name());
            out.add(replaced != null ? replaced : column.copy());
        }
        for (String name : indicators) {
            out.add(indicator(features, name));
        }
        return FeatureColumns.tableLike(features, out);
    }

    private DoubleColumn indicator(Table features, String name) {
        Column<?> column = features.columnNames().contains(name) ? features.column(name) : null;
        if (column == null) {
            FeatureColumns.numeric(features, name, name());  // throws the usual missing-column error
        }
        double[] flags = new double[features.rowCount()];
        if (column instanceof DoubleColumn numbers) {
            for (int i = 0; i < flags.length; i++) {
                flags[i] = Double.isNaN(numbers.getDouble(i)) ? 1 : 0;
            }
        } else {
            StringColumn texts = (StringColumn) column;
            for (int i = 0; i < flags.length; i++) {
                flags[i] = texts.get(i).isEmpty() ? 1 : 0;
            }
        }
        return DoubleColumn.create(name + INDICATOR_SUFFIX, flags);
    }

    private static DoubleColumn fill(DoubleColumn column, NumberFill fill, ApplyLog log) {
        double[] values = column.asDoubleArray();
        long filled = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = fill.value();
                filled++;
            }
        }
        log.count("missing values filled in " + column.name(), filled);
        return DoubleColumn.create(column.name(), values);
    }

    private static StringColumn fill(StringColumn column, TextFill fill, ApplyLog log) {
        String[] values = new String[column.size()];
        long filled = 0;
        for (int i = 0; i < values.length; i++) {
            String value = column.get(i);
            if (value.isEmpty()) {
                value = fill.value();
                filled++;
            }
            values[i] = value;
        }
        log.count("missing values filled in " + column.name(), filled);
        return StringColumn.create(column.name(), values);
    }

    /** E.g. "Age: median 28.0 (177 missing of 712 training rows); no missing in training: Fare 14.45". */
    @Override
    public String summary() {
        List<String> withGaps = new ArrayList<>();
        List<String> complete = new ArrayList<>();
        int rows = trainingRows - droppedRows;
        for (NumberFill f : numeric) {
            describe(f.column(), f.strategy(), Numbers.format(f.value()), f.missing(), rows, withGaps, complete);
        }
        for (TextFill f : categorical) {
            describe(f.column(), f.strategy(), "'" + f.value() + "'", f.missing(), rows, withGaps, complete);
        }
        List<String> parts = new ArrayList<>();
        if (droppedRows > 0) {
            parts.add("drop_rows removed " + droppedRows + " of " + trainingRows + " training rows");
        }
        parts.addAll(withGaps);
        if (!complete.isEmpty()) {
            parts.add("no missing in " + rows + " training rows, fills ready: " + String.join(", ", complete));
        }
        if (!indicators.isEmpty()) {
            parts.add("missing indicators for " + String.join(", ", indicators));
        }
        return parts.isEmpty() ? "no columns to impute" : String.join("; ", parts);
    }

    private static void describe(String column, String strategy, String value, int missing, int rows,
                                 List<String> withGaps, List<String> complete) {
        String shown = strategy.equals("drop_rows") ? "drop_rows (other rows get " + value + ")" : strategy + " " + value;
        if (missing == 0) {
            complete.add(column + " " + (strategy.equals("drop_rows") ? shown : value));
        } else if (missing == rows) {
            withGaps.add(column + ": " + shown + " (all " + rows + " training rows missing, nothing to learn from)");
        } else {
            withGaps.add(column + ": " + shown + " (" + missing + " missing of " + rows + " training rows)");
        }
    }
}
