package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The fill value of every imputed column, learned from {@code trainingRows} rows, with how many
 * values were missing there. Columns without a fill (strategy "none") pass through unchanged.
 */
public record FittedImputer(int trainingRows, List<NumberFill> numeric, List<TextFill> categorical)
        implements FittedStep {

    /** A numeric column's fill value and the strategy that produced it. */
    public record NumberFill(String column, String strategy, double value, int missing) {
    }

    /** A categorical column's fill value and the strategy that produced it. */
    public record TextFill(String column, String strategy, String value, int missing) {
    }

    public FittedImputer {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
    }

    @Override
    public String name() {
        return "impute";
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        Map<String, DoubleColumn> filledNumbers = new HashMap<>();
        for (NumberFill fill : numeric) {
            DoubleColumn column = FeatureColumns.numeric(features, fill.column(), name());
            filledNumbers.put(fill.column(), fill(column, fill, log));
        }
        Map<String, StringColumn> filledTexts = new HashMap<>();
        for (TextFill fill : categorical) {
            StringColumn column = FeatureColumns.categorical(features, fill.column(), name());
            filledTexts.put(fill.column(), fill(column, fill, log));
        }
        List<Column<?>> out = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            Column<?> filled = filledNumbers.containsKey(column.name())
                    ? filledNumbers.get(column.name()) : filledTexts.get(column.name());
            out.add(filled != null ? filled : column.copy());
        }
        return FeatureColumns.tableLike(features, out);
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
        for (NumberFill f : numeric) {
            describe(f.column(), f.strategy(), Numbers.format(f.value()), f.missing(), withGaps, complete);
        }
        for (TextFill f : categorical) {
            describe(f.column(), f.strategy(), "'" + f.value() + "'", f.missing(), withGaps, complete);
        }
        if (withGaps.isEmpty() && complete.isEmpty()) {
            return "no columns to impute";
        }
        List<String> parts = new ArrayList<>(withGaps);
        if (!complete.isEmpty()) {
            parts.add("no missing in " + trainingRows + " training rows, fills ready: " + String.join(", ", complete));
        }
        return String.join("; ", parts);
    }

    private void describe(String column, String strategy, String value, int missing,
                          List<String> withGaps, List<String> complete) {
        if (missing == 0) {
            complete.add(column + " " + value);
        } else if (missing == trainingRows) {
            withGaps.add(column + ": " + strategy + " " + value + " (all " + trainingRows
                    + " training rows missing, nothing to learn from)");
        } else {
            withGaps.add(column + ": " + strategy + " " + value + " (" + missing + " missing of "
                    + trainingRows + " training rows)");
        }
    }
}
