package org.workbench.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/**
 * Summary of one column. Numeric columns fill min, mean, max and std (sample standard deviation);
 * categorical columns fill top (most frequent value, ties broken alphabetically) and topCount.
 * Statistics that do not apply or cannot be computed are null, never NaN, so the record writes
 * cleanly as JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, String type, int missing, int distinct, Double min, Double mean,
                            Double max, Double std, String top, Integer topCount) {

    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";

    public static ColumnProfile of(Column<?> column) {
        return column instanceof NumericColumn<?> numbers ? numeric(numbers) : categorical(column);
    }

    private static ColumnProfile numeric(NumericColumn<?> column) {
        int missing = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Set<Double> distinct = new HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            double v = column.getDouble(row);
            if (column.isMissing(row) || Double.isNaN(v)) {
                missing++;
                continue;
            }
            distinct.add(v);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = column.size() - missing;
        if (n == 0) {
            return new ColumnProfile(column.name(), NUMERIC, missing, 0, null, null, null, null, null, null);
        }
        double mean = sum / n;
        // second pass: summing squared deviations from the mean loses less precision than sum of squares
        double squares = 0;
        for (int row = 0; row < column.size(); row++) {
            double v = column.getDouble(row);
            if (!column.isMissing(row) && !Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        Double std = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
        return new ColumnProfile(column.name(), NUMERIC, missing, distinct.size(), min, mean, max, std, null, null);
    }

    private static ColumnProfile categorical(Column<?> column) {
        int missing = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                counts.merge(column.getString(row), 1, Integer::sum);
            }
        }
        String top = null;
        int topCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > topCount || (e.getValue() == topCount && e.getKey().compareTo(top) < 0)) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        return new ColumnProfile(column.name(), CATEGORICAL, missing, counts.size(), null, null, null, null,
                top, top == null ? null : topCount);
    }

    /** e.g. {@code Age: numeric, 177 missing (19.9%), 88 distinct, min 0.42 mean 29.70 max 80.00 std 14.53}. */
    public String describe(int rows) {
        StringBuilder line = new StringBuilder(name).append(": ").append(type).append(", ")
                .append(missing).append(" missing (").append(percent(missing, rows)).append("), ")
                .append(distinct).append(" distinct");
        if (mean != null) {
            line.append(", min ").append(number(min)).append(" mean ").append(number(mean))
                    .append(" max ").append(number(max));
            if (std != null) {
                line.append(" std ").append(number(std));
            }
        }
        if (top != null) {
            line.append(", top \"").append(top).append("\" (").append(topCount).append(')');
        }
        return line.toString();
    }

    static String percent(long count, long total) {
        return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : 100.0 * count / total);
    }

    /** Two decimals, or three significant digits for small magnitudes so they do not print as 0.00. */
    static String number(double x) {
        if (x != 0 && Math.abs(x) < 0.1) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
